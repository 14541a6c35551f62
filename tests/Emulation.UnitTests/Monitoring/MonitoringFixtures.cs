using Emulation.Contracts;
using Emulation.Monitoring.Following;

namespace Emulation.UnitTests;

/// <summary>Followed models built from their events, the way Marten folds them.</summary>
static class Followed
{
    public static readonly Guid Unit = Guid.NewGuid(), Board = Guid.NewGuid(), Officer = Guid.NewGuid();

    public static DateTimeOffset At(int year, int month, int day) => new(year, month, day, 3, 0, 0, TimeSpan.Zero);

    public static ModelUpdated Updated(string status = ModelStatusCodes.Accepted, long version = 3, params ModelTarget[] targets) => new(
        Guid.Parse("0b3f7c9e-0000-4000-8000-000000000001"), "CM-2026-0001", "Đổi rác lấy quà", ModelKindCodes.Model, status,
        Unit, Board, Guid.NewGuid(), "Dân vận khéo 2025-2030", Board, Guid.NewGuid(), "kinh-te", "co-so",
        targets.Length > 0 ? targets : [new ModelTarget("Số vụ vi phạm", "vụ", 20, 5, new DateOnly(2026, 12, 31))],
        status == ModelStatusCodes.Accepted ? At(2026, 1, 10) : null, version, At(2026, 1, 10));

    public static FollowedModel Accepted(ReportingSchedule schedule = ReportingSchedule.Quarterly, params ModelTarget[] targets)
    {
        var started = (FollowingStarted)FollowModel.Decide(null, Updated(targets: targets), schedule).Single();
        return FollowedModel.Create(started);
    }

    public static FollowedModel Submit(this FollowedModel m, string period, DateTimeOffset at, params (int Target, decimal Value, DateOnly On)[] readings) =>
        m.Apply(new ReportSubmitted(m.ModelId, Guid.NewGuid(), period, readings.Select(r => new TargetReading(r.Target, r.Value, r.On)).ToList(),
            new Narrative("Họp dân", null, null, null, null), null, Officer, at));
}
