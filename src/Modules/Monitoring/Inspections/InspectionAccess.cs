using Emulation.Kernel.Security;

namespace Emulation.Monitoring.Inspections;

/// <summary>Who may do what on inspections, asked of the monitoring module's own copies (the followed models and the
/// unit tree): a board member or secretary acts for the boards they sit on, an officer for the units they belong to.</summary>
public sealed class InspectionAccess
{
    public IReadOnlyList<Guid> Boards(CurrentUser user) => user.UnitsFor(Roles.BoardMember, Roles.BoardSecretary).ToList();

    public bool OnBoard(CurrentUser user, Guid board) => Boards(user).Contains(board);

    public Task<IReadOnlyList<ScheduleCandidate>> CandidatesAsync(IReadOnlyList<Guid> modelIds, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<ScheduleCandidate>>([]);

    public Task<bool> ActsForModelAsync(CurrentUser user, Guid modelId, CancellationToken ct) => Task.FromResult(false);
}
