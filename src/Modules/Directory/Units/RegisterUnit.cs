using Emulation.Kernel.Security;
using Emulation.Kernel.Text;
using Emulation.Kernel.Web;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine;
using Wolverine.Http;

namespace Emulation.Directory.Units;

public sealed record RegisterUnit(string Code, string Name, UnitKind Kind, Guid? ParentId, string? CoversLevel, DateOnly? EffectiveFrom);

public sealed record UnitCreated(Guid Id, long Version);

public static class RegisterUnitEndpoint
{
    [WolverinePost("/api/directory/units"), Authorize(Policy = Policies.Admin)]
    public static async Task<IResult> Post(RegisterUnit command, IDocumentSession session, IMessageBus bus, HttpContext ctx, TimeProvider clock)
    {
        var tree = await UnitQueries.TreeAsync(session);
        var code = VietnameseText.Clean(command.Code).ToUpperInvariant();
        var name = VietnameseText.Clean(command.Name);
        var level = string.IsNullOrWhiteSpace(command.CoversLevel) ? null : command.CoversLevel.Trim();
        var errors = UnitRules.Register(tree, code, name, command.Kind, command.ParentId, level);
        if (!errors.Ok) return Problems.Validation(errors);

        var now = clock.GetUtcNow();
        var registered = new UnitRegistered(Guid.NewGuid(), code, name, command.Kind, command.ParentId,
            command.Kind == UnitKind.Board ? level : null,
            command.EffectiveFrom ?? DateOnly.FromDateTime(now.UtcDateTime), ctx.CurrentUser().Id, now);
        session.Events.StartStream<Unit>(registered.UnitId, registered);
        return Results.Created($"/api/directory/units/{registered.UnitId}", new UnitCreated(registered.UnitId, 1));
    }
}
