namespace Emulation.Kernel.Scheduling;

/// <summary>A periodic job a module asks for. The host schedules it (Hangfire); when it fires, the host only
/// publishes <see cref="Message"/> to Wolverine, where the module's handler does the work.</summary>
public sealed record RecurringTrigger(string Id, string Cron, Func<object> Message);
