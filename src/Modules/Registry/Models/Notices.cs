using Emulation.Kernel.Security;
using Emulation.Registry.Reminders;
using Emulation.Registry.Units;
using Emulation.Kernel;
using Marten;
using Wolverine;

namespace Emulation.Registry.Models;

/// <summary>The inbox messages a step leaves: the board's secretary hears of each submission, the registering unit of
/// each decision. The id names the model and the stream version of the step, so a step is announced exactly once
/// (the message is stored in the step's own transaction; a second insert of the same id would fail it).</summary>
public static class Notices
{
    public static string Key(string what, Guid model, long version) => $"{what}:{model:N}:{version}";

    /// <summary>Stores the notice in the step's transaction and, when e-mail is on, asks for its e-mail through the same
    /// outbox: the e-mail goes out after the commit, at most once, like a reminder's (ADR 0007, 0016).</summary>
    public static async Task SendAsync(IDocumentSession session, IMessageBus bus, ReminderOptions options, Reminder notice)
    {
        session.Insert(notice);
        foreach (var email in Emails(notice, options)) await bus.PublishAsync(email);
    }

    public static IReadOnlyList<EmailReminder> Emails(Reminder notice, ReminderOptions options) =>
        options.Email.Enabled ? [new EmailReminder(notice.Id)] : [];

    public static Reminder Submitted(Model model, ModelSubmitted e, RegistryUnitTree tree) => new()
    {
        Id = Key("submitted", model.Id, model.Version + 1), Role = Roles.BoardSecretary, UnitId = e.BoardId, ModelId = model.Id, CreatedAt = e.At,
        Title = $"Hồ sơ mới chờ Ban xem xét: “{model.Details.Name}”",
        Body = $"{tree.Name(model.UnitId)} gửi hồ sơ “{model.Details.Name}” ngày {Day(e.At)}." +
               (e.NearDuplicates.Count > 0 ? $" Có {e.NearDuplicates.Count} mô hình tên gần trùng trong cùng kỳ, cùng tỉnh." : "")
    };

    public static Reminder Decided(Model model, object decision, RegistryUnitTree tree)
    {
        var (title, body, at) = decision switch
        {
            ModelAccepted e => ($"Đã công nhận đăng ký: “{model.Details.Name}”",
                $"{Board(model, tree)} công nhận đăng ký ngày {Day(e.At)}, mã {e.RegistryCode}." + (e.Note is null ? "" : $" Ghi chú: {e.Note}"), e.At),
            ModelReturned e => ($"Hồ sơ được trả lại để bổ sung: “{model.Details.Name}”",
                $"{Board(model, tree)} trả lại hồ sơ ngày {Day(e.At)}. Nội dung cần bổ sung: {e.Reason}", e.At),
            ModelRejected e => ($"Hồ sơ không được chấp nhận: “{model.Details.Name}”",
                $"{Board(model, tree)} không chấp nhận hồ sơ ngày {Day(e.At)}. Lý do: {e.Reason}", e.At),
            _ => throw new ArgumentException("not a board decision", nameof(decision))
        };
        return new Reminder
        {
            Id = Key("decided", model.Id, model.Version + 1), Role = Roles.Officer, UnitId = model.UnitId, ModelId = model.Id, CreatedAt = at,
            Title = title, Body = body
        };
    }

    static string Board(Model model, RegistryUnitTree tree) => model.BoardId is { } b && tree.Name(b) is { Length: > 0 } name ? name : "Ban xem xét";

    static string Day(DateTimeOffset at) => at.VietnamDate().ToString("dd/MM/yyyy");
}
