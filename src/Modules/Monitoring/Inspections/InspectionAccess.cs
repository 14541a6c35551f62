using Emulation.Kernel.Security;
using Emulation.Monitoring.Following;
using Emulation.Monitoring.Units;
using Marten;

namespace Emulation.Monitoring.Inspections;

/// <summary>Who may do what on inspections, answered by <see cref="MonitoringAccess"/> on the module's own copies: the
/// board that decided on a model inspects it while it still covers the model's unit; the officers of the model's unit
/// answer its actions.</summary>
public sealed class InspectionAccess(MonitoringUnits units)
{
    public IReadOnlyList<Guid> Boards(CurrentUser user) => user.UnitsFor(Roles.BoardMember, Roles.BoardSecretary).ToList();

    public bool OnBoard(CurrentUser user, Guid board) => Boards(user).Contains(board);

    /// <summary>The followed models among <paramref name="modelIds"/>, with the board following each today (the one that
    /// decided on it, or the one covering its unit now if the unit moved; none if no board covers it).</summary>
    public async Task<IReadOnlyList<ScheduleCandidate>> CandidatesAsync(IQuerySession session, IReadOnlyList<Guid> modelIds, CancellationToken ct)
    {
        if (modelIds.Count == 0) return [];
        var tree = await units.TreeAsync(ct);
        var models = await session.LoadManyAsync<FollowedModel>(ct, modelIds.Select(FollowedModel.StreamFor).ToArray());
        return models.Select(m => new ScheduleCandidate(m.ModelId, m.UnitId, m.Facts.Name,
            tree.FollowingBoard(m) is { } b ? [b] : [])).ToList();
    }

    public async Task<bool> ActsForModelAsync(IQuerySession session, CurrentUser user, Guid modelId, CancellationToken ct)
    {
        var model = await session.LoadAsync<FollowedModel>(FollowedModel.StreamFor(modelId), ct);
        return model is not null && new MonitoringAccess(user, await units.TreeAsync(ct)).IsModelUnit(model);
    }
}
