using Emulation.Kernel.Web;
using Emulation.Review.Following;
using Emulation.Review.Rubrics;
using Emulation.Review.SelfAssessment;
using Emulation.Contracts;

namespace Emulation.UnitTests.Reviewing;

public sealed class SelfAssessmentLinkRulesTests
{
    static readonly Guid Report = Guid.NewGuid(), File = Guid.NewGuid();

    static FollowedRecord Record() => new()
    {
        Reports = [new FollowedReport(Report, "2026-Q3", "quý III năm 2026", DateTimeOffset.UnixEpoch)],
        Evidence = [new FollowedEvidence(File, Report, "Ảnh ra quân.jpg", "image/jpeg", 1000)]
    };

    [Fact]
    public void A_link_by_id_takes_its_kind_and_title_from_the_monitoring_record_and_an_unknown_id_is_refused_naming_the_field()
    {
        var errors = new Errors();
        var scores = SelfAssessmentRules.Scores(RubricPresets.Provincial, [new ScoreInput("HQ", 8, "Đạt", [
            new LinkInput("evidence", Report, "tên khác"), new LinkInput(null, File, null), new LinkInput(null, File, null),
            new LinkInput(null, null, "Biên bản lưu tại đơn vị"), new LinkInput(null, null, null)])], submitting: false, errors, Record());
        Assert.True(errors.Ok);
        Assert.Equal([new EvidenceLink("report", Report, "Báo cáo tiến độ quý III năm 2026"), new EvidenceLink("evidence", File, "Ảnh ra quân.jpg"),
            new EvidenceLink("evidence", null, "Biên bản lưu tại đơn vị")], Assert.Single(scores).Links);

        var refused = new Errors();
        SelfAssessmentRules.Scores(RubricPresets.Provincial, [new ScoreInput("HQ", 8, "Đạt", [new LinkInput(null, File, null), new LinkInput("report", Guid.NewGuid(), "x")])],
            submitting: false, refused, Record());
        Assert.Equal([SelfAssessmentRules.UnknownLink], refused["scores[0].links[1].id"]);
        var noRecord = new Errors();
        SelfAssessmentRules.Scores(RubricPresets.Provincial, [new ScoreInput("HQ", 8, "Đạt", [new LinkInput(null, File, null)])], submitting: false, noRecord);
        Assert.False(noRecord.Ok);
    }
}
