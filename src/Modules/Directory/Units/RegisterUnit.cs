using Emulation.Kernel.Security;
using Emulation.Kernel.Web;
using Emulation.Kernel.Text;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;
using Microsoft.AspNetCore.Mvc;
using Emulation.Kernel;
using Emulation.Scope;
using Emulation.Directory.Import;

namespace Emulation.Directory.Units;

public sealed record RegisterUnit(string Code, string Name, UnitKind Kind, Guid? ParentId, string? CoversLevel, DateOnly? EffectiveFrom);

public sealed record UnitCreated(Guid Id, long Version);

public static class RegisterUnitEndpoint
{
    [WolverinePost("/api/directory/units"), Authorize(Policy = Policies.Admin)]
    [ProducesResponseType<UnitCreated>(StatusCodes.Status201Created)]
    public static async Task<IResult> Post(RegisterUnit command, IDocumentSession session, HttpContext ctx, TimeProvider clock, Feeds feeds)
    {
        var ct = ctx.RequestAborted;
        var tree = await UnitQueries.TreeAsync(session);
        var levels = await BoardLevels.InUseAsync(session, ct);
        // The id follows from the code, as an import's does: two registrations of one code at once collide on the stream
        // (409) instead of storing the code twice.
        var id = DirectoryTemplate.UnitId(VietnameseText.Clean(command.Code));
        var decision = Decide(tree, command, id, ctx.CurrentUser().Id, clock.GetUtcNow(), levels);
        // A level the administrator has just added to the catalog reaches this copy through the catalog's feed a moment
        // later (ADR 0070): before refusing a level the copy does not hold, wait for what the catalog committed so far.
        if (decision.Refusal is not null && command.Kind == UnitKind.Board && Level(command.CoversLevel) is { } wanted
            && levels.All(l => l.Code != wanted) && await feeds.WaitUntilCopiedAsync(Feed.Catalog, CatalogFeedWait, ct))
        {
            await using var fresh = session.DocumentStore.QuerySession();
            decision = Decide(tree, command, id, ctx.CurrentUser().Id, clock.GetUtcNow(), await BoardLevels.InUseAsync(fresh, ct));
        }
        if (decision.Refusal is { } refusal) return refusal;
        var registered = (UnitRegistered)decision.Event!;
        session.Events.StartStream<Unit>(registered.UnitId, registered);
        return Results.Created($"/api/directory/units/{registered.UnitId}", new UnitCreated(registered.UnitId, 1));
    }

    public static Decision Decide(UnitTree tree, RegisterUnit command, Guid id, Guid by, DateTimeOffset now, IReadOnlyList<CatalogLevel>? levels = null)
    {
        var code = VietnameseText.Clean(command.Code).ToUpperInvariant();
        var name = VietnameseText.Clean(command.Name);
        var level = Level(command.CoversLevel);
        return Decision.From(UnitRules.Register(tree, code, name, command.Kind, command.ParentId, level, levels), () =>
            new UnitRegistered(id, code, name, command.Kind, command.ParentId, command.Kind == UnitKind.Board ? level : null,
                command.EffectiveFrom ?? now.VietnamDate(), by, now));
    }

    /// <summary>How long a board's registration waits for the catalog's feed before refusing a level its copy lacks.</summary>
    public static readonly TimeSpan CatalogFeedWait = TimeSpan.FromSeconds(5);

    /// <summary>The catalog stores its codes cleaned and in lower case, so "CO-SO" or " co-so " is the level co-so.</summary>
    static string? Level(string? code) =>
        string.IsNullOrWhiteSpace(code) ? null : VietnameseText.Clean(code).ToLowerInvariant();
}
