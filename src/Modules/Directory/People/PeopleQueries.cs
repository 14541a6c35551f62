using Emulation.Directory.Units;
using Emulation.Kernel.Security;
using Emulation.Kernel.Web;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;
using Microsoft.AspNetCore.Mvc;

namespace Emulation.Directory.People;

public sealed record RoleView(string Role, string RoleLabel, Guid? UnitId, string? UnitName);

public sealed record PersonView(Guid Id, string UserName, string FullName, string? Position, string? Email,
    IReadOnlyList<RoleView> Roles, bool Disabled, bool LockedOut, long Version);

public sealed record PersonDetail(PersonView Person, IReadOnlyList<HistoryEntry> History);

public static class PeopleQueries
{
    [WolverineGet("/api/directory/people"), Authorize(Policy = Policies.Admin)]
    public static async Task<IReadOnlyList<PersonView>> List(IQuerySession session, TimeProvider clock) =>
        await ListAsync(session, await UnitQueries.TreeAsync(session), clock.GetUtcNow());

    public static async Task<IReadOnlyList<PersonView>> ListAsync(IQuerySession session, UnitTree tree, DateTimeOffset now)
    {
        var people = await session.Query<Person>().ToListAsync();
        var locked = (await session.Query<Credential>().Where(c => c.LockedUntil != null).ToListAsync())
            .Where(c => c.LockedUntil > now).Select(c => c.PersonId).ToHashSet();
        return people.OrderBy(p => p.FullName, Kernel.Text.VietnameseText.Comparer)
            .Select(p => View(p, tree, locked.Contains(p.Id))).ToList();
    }

    [WolverineGet("/api/directory/people/{id}"), Authorize(Policy = Policies.Admin)]
    [ProducesResponseType<PersonDetail>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(Guid id, IQuerySession session, TimeProvider clock)
    {
        var detail = await DetailAsync(session, await UnitQueries.TreeAsync(session), id, clock.GetUtcNow());
        return detail is null ? Problems.NotFound("Không tìm thấy người dùng.") : Results.Ok(detail);
    }

    public static async Task<PersonDetail?> DetailAsync(IQuerySession session, UnitTree tree, Guid id, DateTimeOffset now)
    {
        var person = await session.LoadAsync<Person>(id);
        if (person is null) return null;
        var credential = await session.LoadAsync<Credential>(person.UserName);
        var events = await session.Events.FetchStreamAsync(id);
        var history = await History.DescribeAsync(session, events.Select(e => (e.Version, e.Data)), tree);
        return new PersonDetail(View(person, tree, credential?.LockedUntil > now), history);
    }

    public static PersonView View(Person p, UnitTree tree, bool locked) =>
        new(p.Id, p.UserName, p.FullName, p.Position, p.Email,
            p.Roles.Select(r => new RoleView(r.Role, Roles.Label(r.Role), r.UnitId, tree.Find(r.UnitId)?.Name)).ToList(),
            p.Disabled, locked, p.Version);
}
