using Emulation.Kernel.Security;
using Microsoft.AspNetCore.Http;

namespace Emulation.Kernel.Web;

/// <summary>A link in the main navigation; each module adds its own, shown to the roles that can use it. <see cref="Also"/>
/// names the address prefixes of pages reached from it that have no entry of their own (a followed model's page under
/// "/theo-doi/"), so the entry is marked as the current page there too.</summary>
public sealed record NavItem(string Href, string Label, int Order, Func<CurrentUser, bool> Visible, IReadOnlyList<string>? Also = null)
{
    /// <summary>The entry a page belongs to: the longest of the entries' addresses and <see cref="Also"/> prefixes the
    /// path starts with ("/" only for the home page itself); on a tie the first entry in menu order.</summary>
    public static NavItem? Current(IReadOnlyList<NavItem> visible, string path)
    {
        NavItem? best = null;
        var length = -1;
        foreach (var n in visible)
            foreach (var prefix in n.Also is null ? [n.Href] : n.Also.Prepend(n.Href))
            {
                var hit = prefix == "/" ? path == "/" : path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase);
                if (hit && prefix.Length > length) (best, length) = (n, prefix.Length);
            }
        return best;
    }
}

/// <summary>A counter in the header (e.g. unread reminders), contributed by a module.</summary>
public interface IHeaderBadge
{
    string Href { get; }
    string Label { get; }
    Task<int> CountAsync(CurrentUser user, CancellationToken ct);
}

/// <summary>A figure on the home page, contributed by a module.</summary>
public sealed record Figure(string Label, long Value, string? Href = null);

public interface IHomeFigures
{
    int Order { get; }
    Task<IReadOnlyList<Figure>> FiguresAsync(CurrentUser user, CancellationToken ct);
}

/// <summary>Maps a module's server-rendered pages; the host calls every registered one.</summary>
public interface IModulePages
{
    void Map(Microsoft.AspNetCore.Routing.IEndpointRouteBuilder app);
}

public static class HttpContextUserExtensions
{
    public static CurrentUser CurrentUser(this HttpContext ctx) => Security.CurrentUser.From(ctx.User);
}
