using Emulation.Kernel.Security;
using Emulation.Kernel.Web;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Wolverine.Http;
using Microsoft.AspNetCore.Mvc;

namespace Emulation.Registry.Reminders;

public sealed record InboxItem(string Id, string Title, string Body, Guid ModelId, DateTimeOffset CreatedAt, bool Read);

/// <summary>A person's reminders: those addressed to a role they hold at the unit they hold it for.</summary>
public static class Inbox
{
    public static IQueryable<Reminder> For(IQuerySession session, CurrentUser user)
    {
        var officer = user.UnitsFor(Roles.Officer).ToArray();
        var secretary = user.UnitsFor(Roles.BoardSecretary).ToArray();
        return session.Query<Reminder>().Where(r =>
            (r.Role == Roles.Officer && r.UnitId.IsOneOf(officer)) || (r.Role == Roles.BoardSecretary && r.UnitId.IsOneOf(secretary)));
    }

    public static async Task<IReadOnlyList<InboxItem>> ItemsAsync(IQuerySession session, CurrentUser user, CancellationToken ct) =>
        (await For(session, user).OrderByDescending(r => r.CreatedAt).Take(200).ToListAsync(ct))
            .Select(r => new InboxItem(r.Id, r.Title, r.Body, r.ModelId, r.CreatedAt, r.ReadBy.Contains(user.Id))).ToList();

    [WolverineGet("/api/registry/inbox"), Authorize(Policy = Policies.SignedIn)]
    public static Task<IReadOnlyList<InboxItem>> List(IQuerySession session, HttpContext ctx) => ItemsAsync(session, ctx.CurrentUser(), ctx.RequestAborted);

    [WolverinePost("/api/registry/inbox/read"), Authorize(Policy = Policies.SignedIn)]
    [ProducesResponseType<InboxItemRead>(StatusCodes.Status200OK)]
    public static async Task<IResult> MarkRead(MarkRead command, IDocumentSession session, HttpContext ctx)
    {
        var user = ctx.CurrentUser();
        var reminder = await session.LoadAsync<Reminder>(command.Id ?? "");
        if (reminder is null || !(await For(session, user).Where(r => r.Id == reminder.Id).AnyAsync())) return Problems.NotFound("Không tìm thấy nhắc việc.");
        if (!reminder.ReadBy.Contains(user.Id))
        {
            reminder.ReadBy.Add(user.Id);
            session.Store(reminder);
        }
        return Results.Ok(new InboxItemRead(reminder.Id));
    }
}

public sealed record MarkRead(string? Id);

public sealed record InboxItemRead(string Id);

public sealed class InboxBadge(IServiceProvider services) : IHeaderBadge
{
    public string Href => "/hop-thu";
    public string Label => "Nhắc việc";

    public async Task<int> CountAsync(CurrentUser user, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var session = scope.ServiceProvider.GetRequiredService<IQuerySession>();
        var id = user.Id;
        return await Inbox.For(session, user).Where(r => !r.ReadBy.Contains(id)).CountAsync(ct);
    }
}
