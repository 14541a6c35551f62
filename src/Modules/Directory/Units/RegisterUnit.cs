using Emulation.Kernel.Security;
using Emulation.Kernel.Web;
using Emulation.Kernel.Text;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;
using Microsoft.AspNetCore.Mvc;
using Emulation.Kernel;

namespace Emulation.Directory.Units;

public sealed record RegisterUnit(string Code, string Name, UnitKind Kind, Guid? ParentId, string? CoversLevel, DateOnly? EffectiveFrom);

public sealed record UnitCreated(Guid Id, long Version);

public static class RegisterUnitEndpoint
{
    [WolverinePost("/api/directory/units"), Authorize(Policy = Policies.Admin)]
    [ProducesResponseType<UnitCreated>(StatusCodes.Status201Created)]
    public static async Task<IResult> Post(RegisterUnit command, IDocumentSession session, HttpContext ctx, TimeProvider clock)
    {
        var decision = Decide(await UnitQueries.TreeAsync(session), command, Guid.NewGuid(), ctx.CurrentUser().Id, clock.GetUtcNow(),
            await BoardLevels.InUseAsync(session, ctx.RequestAborted));
        if (decision.Refusal is { } refusal) return refusal;
        var registered = (UnitRegistered)decision.Event!;
        session.Events.StartStream<Unit>(registered.UnitId, registered);
        return Results.Created($"/api/directory/units/{registered.UnitId}", new UnitCreated(registered.UnitId, 1));
    }

    public static Decision Decide(UnitTree tree, RegisterUnit command, Guid id, Guid by, DateTimeOffset now, IReadOnlyList<CatalogLevel>? levels = null)
    {
        var code = VietnameseText.Clean(command.Code).ToUpperInvariant();
        var name = VietnameseText.Clean(command.Name);
        var level = string.IsNullOrWhiteSpace(command.CoversLevel) ? null : command.CoversLevel.Trim();
        return Decision.From(UnitRules.Register(tree, code, name, command.Kind, command.ParentId, level, levels), () =>
            new UnitRegistered(id, code, name, command.Kind, command.ParentId, command.Kind == UnitKind.Board ? level : null,
                command.EffectiveFrom ?? now.VietnamDate(), by, now));
    }
}
