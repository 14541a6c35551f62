using Emulation.Kernel.Security;
using Microsoft.AspNetCore.Http;

namespace Emulation.Kernel.Web;

/// <summary>A link in the main navigation; each module adds its own, shown to the roles that can use it.</summary>
public sealed record NavItem(string Href, string Label, int Order, Func<CurrentUser, bool> Visible);

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
