using Emulation.Kernel.Security;

namespace Emulation.Kernel.Web.Inbox;

/// <summary>One message in a person's inbox, whichever module left it. <see cref="Id"/> is unique across modules
/// (each module prefixes its own ids), so marking it read can be routed without saying where it came from.</summary>
public sealed record Notice(string Id, string Source, string Title, string Body, string? Href, DateTimeOffset CreatedAt, bool Read);

/// <summary>A module's contribution to the shared inbox (`/hop-thu`, `/api/inbox`, the header badge). Registered
/// scoped, so an implementation takes the request's query session.</summary>
public interface INoticeSource
{
    /// <summary>The person's most recent notices from this module, newest first.</summary>
    Task<IReadOnlyList<Notice>> ListAsync(CurrentUser user, int take, CancellationToken ct);

    Task<int> CountUnreadAsync(CurrentUser user, CancellationToken ct);

    /// <summary>False when no notice of this module with that id is addressed to the person (nothing changes).</summary>
    Task<bool> MarkReadAsync(CurrentUser user, string id, CancellationToken ct);
}
