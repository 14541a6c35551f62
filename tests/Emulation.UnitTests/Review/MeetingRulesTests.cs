using Emulation.Contracts;
using Emulation.Review.Decisions;
using Emulation.Review.Rounds;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Emulation.UnitTests;

public sealed class MeetingRulesTests
{
    [Theory]
    [InlineData("8:00", "08:00")]
    [InlineData("08:30", "08:30")]
    [InlineData("8h", "08:00")]
    [InlineData("14h15", "14:15")]
    [InlineData("8 giờ 30", "08:30")]
    [InlineData("8 giờ 30 phút", "08:30")]
    [InlineData(" 7 GIỜ ", "07:00")]
    [InlineData("24:00", null)]
    [InlineData("8:75", null)]
    [InlineData("tám giờ", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void A_time_is_read_the_way_people_write_it(string? typed, string? expected) => Assert.Equal(expected, MeetingRules.Time(typed));

    [Fact]
    public void Times_are_spoken_in_the_minutes() =>
        Assert.Equal(["8 giờ", "11 giờ 05 phút"], new[] { "08:00", "11:05" }.Select(MeetingRules.Spoken));

    [Fact]
    public void A_line_is_a_name_then_a_position_after_the_first_comma()
    {
        var people = MeetingRules.People(["Nguyễn Văn Thắng, Trưởng Ban, Ban Dân vận Tỉnh ủy", "  ", "Lê Thị Ánh Tuyết", ", chỉ chức vụ", null]);
        Assert.Equal([new MeetingPerson("Nguyễn Văn Thắng", "Trưởng Ban, Ban Dân vận Tỉnh ủy"), new MeetingPerson("Lê Thị Ánh Tuyết", null)], people);
        Assert.Equal("Nguyễn Văn Thắng, Trưởng Ban, Ban Dân vận Tỉnh ủy", people[0].ToString());
        // Decomposed letters (as some keyboards type them) are stored composed.
        Assert.Equal("Tuyết", MeetingRules.Person("Tuye\u0302\u0301t")!.Name);
    }

    static RecordMeeting Command(long? version = 0, string end = "11:30", string[]? present = null) =>
        new("12/BB-BDV", new DateOnly(2026, 12, 28), "8:00", end, "Hội trường", "Nguyễn Văn Thắng, Trưởng Ban", "Trần Thị Hồng Nhung, Chuyên viên",
            present ?? ["Nguyễn Văn Thắng, Trưởng Ban", "Trần Thị Hồng Nhung, Chuyên viên"], [], "Thống nhất.", version);

    [Fact]
    public void Recording_the_meeting_starts_the_stream_refuses_a_stale_version_and_checks_the_board_size()
    {
        var round = Guid.NewGuid();
        var (ok, events) = RecordMeetingEndpoint.Decide(RoundDecisions.Empty(round), Command(), Guid.NewGuid(), DateTimeOffset.UnixEpoch);
        Assert.Equal(2, Assert.IsType<Ok<DecisionsSaved>>(ok).Value!.Version);
        var recorded = Assert.IsType<MeetingRecorded>(Assert.Single(events));
        Assert.Equal("08:00", recorded.Meeting.Start);
        var current = RoundDecisions.Empty(round).Apply(recorded) with { Version = 2 };
        Assert.Equal("Hội trường", current.Meeting!.Place);

        var (stale, none) = RecordMeetingEndpoint.Decide(current, Command(version: 0), Guid.NewGuid(), DateTimeOffset.UnixEpoch);
        Assert.Equal(409, Assert.IsAssignableFrom<IStatusCodeHttpResult>(stale).StatusCode);
        Assert.Empty(none);
        var small = current with { Members = 1 };
        var (tooMany, _) = RecordMeetingEndpoint.Decide(small, Command(version: 2), Guid.NewGuid(), DateTimeOffset.UnixEpoch);
        Assert.Equal(400, Assert.IsAssignableFrom<IStatusCodeHttpResult>(tooMany).StatusCode);
        var (backwards, _) = RecordMeetingEndpoint.Decide(current, Command(version: 2, end: "7:00"), Guid.NewGuid(), DateTimeOffset.UnixEpoch);
        Assert.Equal(400, Assert.IsAssignableFrom<IStatusCodeHttpResult>(backwards).StatusCode);
    }

    [Fact]
    public void The_documents_list_decided_models_in_the_round_order_and_total_the_proposals_by_form()
    {
        var board = Guid.NewGuid();
        Guid a = Guid.NewGuid(), b = Guid.NewGuid(), c = Guid.NewGuid();
        CoveredModel Model(Guid id, string name) => new(id, name, null, board, "kinh-te", "co-so", null, null, null);
        var round = Round.Create(new RoundCreated(Guid.NewGuid(), "Sơ kết 2020-2023", RoundKind.Midterm, Guid.NewGuid(), "Dân vận khéo", Guid.NewGuid(), board,
            ["co-so"], Guid.NewGuid(), new RoundDates(new(2026, 12, 1), new(2026, 12, 10), new(2026, 12, 28)), Guid.NewGuid(), DateTimeOffset.UnixEpoch))
            with { Models = [Model(a, "Đưa màu xuống ruộng"), Model(b, "Mẹ đỡ đầu"), Model(c, "Ánh sáng an ninh")] };
        var vote = new Vote(6, 5, 1);
        var decisions = RoundDecisions.Empty(round.Id) with
        {
            Decisions =
            [
                new ModelDecision(c, Outcome.Proposed, CommendationLevels.BangKhenTinh, vote, null, 1, Guid.NewGuid(), DateTimeOffset.UnixEpoch),
                new ModelDecision(a, Outcome.Proposed, CommendationLevels.BangKhenTinh, vote, "Thu nhập trên 100 triệu đồng/hộ/năm.", 1, Guid.NewGuid(), DateTimeOffset.UnixEpoch)
            ]
        };
        var source = new DocumentSource(round, decisions, "Ban Dân vận Tỉnh ủy", "Tỉnh ủy Cà Mau", RoundDocuments.PlaceName("Tỉnh Cà Mau"),
            _ => "Phường 1", new Dictionary<Guid, decimal> { [a] = 91.5m }, new DateOnly(2026, 12, 7));

        var proposal = RoundDocuments.Proposal(source);
        Assert.Equal("Cà Mau", proposal.Issuer.Place);
        var level = Assert.Single(proposal.Levels);
        Assert.Equal(["Đưa màu xuống ruộng", "Ánh sáng an ninh"], level.Models.Select(m => m.ModelName));
        Assert.Equal("Thu nhập trên 100 triệu đồng/hộ/năm.", level.Models[0].Achievement);
        Assert.Contains("5/6 thành viên có mặt tán thành", level.Models[1].Achievement);

        var meeting = new Meeting(null, new DateOnly(2026, 12, 28), "08:00", "10:45", "Hội trường", new MeetingPerson("Nguyễn Văn Thắng", "Trưởng Ban"),
            new MeetingPerson("Trần Thị Hồng Nhung", null), [new MeetingPerson("Nguyễn Văn Thắng", "Trưởng Ban")], [], "Thống nhất.");
        var minutes = RoundDocuments.Minutes(source, meeting);
        Assert.Equal(["Đưa màu xuống ruộng", "Ánh sáng an ninh"], minutes.Results.Select(r => r.ModelName));
        Assert.Equal(91.5m, minutes.Results[0].AverageScore);
        Assert.Equal("Đề nghị Bằng khen của Chủ tịch UBND tỉnh (83,3 % tán thành)", minutes.Results[0].Outcome);
        Assert.Equal([], minutes.Absent!);
        Assert.EndsWith("Cuộc họp kết thúc lúc 10 giờ 45 phút cùng ngày; biên bản đã được đọc lại và thông qua tại cuộc họp.", minutes.Closing);
        Assert.Equal("Nguyễn Văn Thắng", minutes.ChairSignature.Name);
    }
}
