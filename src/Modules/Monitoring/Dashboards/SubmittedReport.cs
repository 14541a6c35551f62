using Emulation.Kernel;
using Emulation.Monitoring.Following;
using Marten;
using Marten.Events.Projections;

namespace Emulation.Monitoring.Dashboards;

/// <summary>One submitted progress report, for the dashboards' "reports per month": the month it came in (Vietnam
/// time) and who it belongs to, so a board counts its own without reading followed models.</summary>
public sealed record SubmittedReport(Guid Id, Guid ModelId, Guid UnitId, Guid? BoardId, string Month, DateTimeOffset At);

public partial class SubmittedReportProjection : EventProjection
{
    public SubmittedReportProjection() => Name = "monitoring-submitted-reports";

    // The followed model was started in an earlier transaction, so its inline snapshot is there to say whose report it is.
    public async Task Project(ReportSubmitted e, IDocumentOperations ops, CancellationToken ct)
    {
        var model = await ops.LoadAsync<FollowedModel>(FollowedModel.StreamFor(e.ModelId), ct);
        ops.Store(new SubmittedReport(e.ReportId, e.ModelId, model?.UnitId ?? Guid.Empty, model?.BoardId, Month(e.At), e.At));
    }

    public static string Month(DateTimeOffset at) => VietnamClock.VietnamDate(at).ToString("yyyy-MM");
}
