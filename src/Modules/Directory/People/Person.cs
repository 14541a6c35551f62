using Emulation.Contracts;
using Emulation.Kernel.Security;

namespace Emulation.Directory.People;

public sealed record PersonRegistered(Guid PersonId, string UserName, string FullName, string? Position, string? Email,
    IReadOnlyList<RoleAssignment> Roles, Guid By, DateTimeOffset At);
public sealed record PersonDetailsChanged(Guid PersonId, string FullName, string? Position, string? Email, Guid By, DateTimeOffset At);
public sealed record RoleGranted(Guid PersonId, string Role, Guid? UnitId, Guid By, DateTimeOffset At);
public sealed record RoleRevoked(Guid PersonId, string Role, Guid? UnitId, Guid By, DateTimeOffset At);
/// <summary>Records that a password was set; the hash itself lives only in the mutable <see cref="Credential"/>.</summary>
public sealed record PasswordSet(Guid PersonId, Guid By, DateTimeOffset At);
public sealed record PersonDisabled(Guid PersonId, string? Reason, Guid By, DateTimeOffset At);
public sealed record PersonEnabled(Guid PersonId, Guid By, DateTimeOffset At);

public sealed partial record Person(Guid Id, string UserName, string FullName, string? Position, string? Email,
    IReadOnlyList<RoleAssignment> Roles, bool Disabled, long Version)
{
    public const string NotFound = "Không tìm thấy người dùng.";

    public static Person Create(PersonRegistered e) =>
        new(e.PersonId, e.UserName, e.FullName, e.Position, e.Email, e.Roles, false, 1);

    public Person Apply(PersonDetailsChanged e) => this with { FullName = e.FullName, Position = e.Position, Email = e.Email };
    public Person Apply(RoleGranted e) => this with { Roles = [.. Roles, new RoleAssignment(e.Role, e.UnitId)] };
    public Person Apply(RoleRevoked e) => this with { Roles = Roles.Where(r => r != new RoleAssignment(e.Role, e.UnitId)).ToList() };
    public Person Apply(PasswordSet _) => this;
    public Person Apply(PersonDisabled _) => this with { Disabled = true };
    public Person Apply(PersonEnabled _) => this with { Disabled = false };

    public PersonUpdated ToIntegrationEvent(DateTimeOffset at) =>
        new(Id, FullName, Email, !Disabled, Roles.Select(r => new PersonRole(r.Role, r.UnitId)).ToList(), Version, at);
}

public static class PersonEvents
{
    /// <summary>Every event of a person's stream: what the Directory feed follows.</summary>
    public static readonly Type[] Types =
    [
        typeof(PersonRegistered), typeof(PersonDetailsChanged), typeof(RoleGranted), typeof(RoleRevoked),
        typeof(PasswordSet), typeof(PersonDisabled), typeof(PersonEnabled)
    ];
}

/// <summary>Sign-in secrets and lockout counters: mutable state kept out of the event log on purpose.
/// Id is the normalised user name, so a second account with the same name cannot be stored.</summary>
/// <summary>Stored under optimistic concurrency: parallel sign-in attempts each count (ADR 0014).</summary>
[Marten.Schema.UseOptimisticConcurrency]
public sealed class Credential
{
    public string Id { get; set; } = "";
    public Guid PersonId { get; set; }
    public string PasswordHash { get; set; } = "";
    public int FailedAttempts { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
    public DateTimeOffset? LastSignInAt { get; set; }

    public static string Key(string userName) => Kernel.Text.VietnameseText.Nfc(userName).Trim().ToLowerInvariant();
}
