using System.Net;

namespace Emulation.IntegrationTests.Review;

/// <summary>The meeting's particulars (ADR 0025): the secretary records them in deliberation only, with the decisions'
/// version; every refusal names its field in Vietnamese and stores nothing.</summary>
[Collection(AppCollection.Name)]
public sealed class MeetingTests(AppFixture app)
{
    public static object Meeting(long version, string? place = "Hội trường Ban Dân vận Tỉnh ủy Cà Mau", string start = "8 giờ", string end = "11:30",
        string[]? present = null) => new
    {
        number = "12/BB-BDV", date = "28/12/2026", startTime = start, endTime = end, place,
        chair = "Nguyễn Văn Thắng, Trưởng Ban Dân vận Tỉnh ủy", secretary = "Trần Thị Hồng Nhung, Chuyên viên",
        present = present ?? ["Nguyễn Văn Thắng, Trưởng Ban", "Lê Thị Ánh Tuyết, Phó Trưởng Ban", "Trần Thị Hồng Nhung, Chuyên viên"],
        absent = new[] { "Phạm Quốc Đạt, Ủy viên (đi công tác)" },
        conclusion = "Thống nhất công nhận và đề nghị khen thưởng các mô hình theo kết quả biểu quyết.", version
    };

    [Fact]
    public async Task The_secretary_records_the_meeting_in_deliberation_and_every_refusal_names_its_field()
    {
        var (round, _, _) = await app.DraftRound(2);
        using var secretary = await app.As(ReviewScenarios.Secretary);
        var url = $"/api/review/rounds/{round}/meeting";
        (await secretary.Move(round, "self-assessment", 1)).Expect(HttpStatusCode.OK);
        var early = (await secretary.Put(url, Meeting(0))).Expect(HttpStatusCode.Conflict);
        Assert.Contains("bước họp xét", early.Detail);
        (await secretary.Move(round, "scoring", 2)).Expect(HttpStatusCode.OK);
        (await secretary.Move(round, "deliberation", 3)).Expect(HttpStatusCode.OK);

        using (var officer = await app.As("canbo.phuong1"))
            (await officer.Put(url, Meeting(0))).Expect(HttpStatusCode.Forbidden);
        using (var stranger = await app.As("canbo.khanhhoi"))
            (await stranger.Put(url, Meeting(0))).Expect(HttpStatusCode.NotFound);

        var empty = (await secretary.Put(url, new { version = 0 })).Expect(HttpStatusCode.BadRequest);
        foreach (var field in (string[])["date", "startTime", "endTime", "place", "chair", "secretary", "present", "conclusion"])
            Assert.NotEmpty(empty.Errors(field));
        Assert.Contains("Hãy nhập địa điểm họp.", empty.Errors("place"));
        var backwards = (await secretary.Put(url, Meeting(0, start: "14:00", end: "9 giờ 30"))).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(["Giờ kết thúc phải sau giờ bắt đầu."], backwards.Errors("endTime"));
        var notATime = (await secretary.Put(url, Meeting(0, start: "25:00"))).Expect(HttpStatusCode.BadRequest);
        Assert.NotEmpty(notATime.Errors("startTime"));
        var huge = (await secretary.Put(url, Meeting(0, place: new string('x', 100_000)))).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("Địa điểm dài quá", Assert.Single(huge.Errors("place")));
        using (var wrongType = await secretary.Client.PutAsync(url,
                   new StringContent("""{"date": "31/02/2026", "version": 0}""", System.Text.Encoding.UTF8, "application/json")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
            var problem = System.Text.Json.JsonDocument.Parse(await wrongType.Content.ReadAsStringAsync()).RootElement;
            Assert.True(problem.GetProperty("errors").TryGetProperty("date", out _), problem.ToString());
        }
        (await secretary.Put(url, Meeting(7))).Expect(HttpStatusCode.Conflict);

        // Refusals stored nothing: the first record still names version 0.
        Assert.Equal(2, (await secretary.Put(url, Meeting(0))).Expect(HttpStatusCode.OK).Version);
        var stale = (await secretary.Put(url, Meeting(0))).Expect(HttpStatusCode.Conflict);
        Assert.Contains("tải lại", stale.Detail);

        var view = (await secretary.Get($"/api/review/rounds/{round}/decisions")).Expect(HttpStatusCode.OK).Body;
        var meeting = view.GetProperty("meeting");
        Assert.Equal("08:00", meeting.GetProperty("start").GetString());
        Assert.Equal("2026-12-28", meeting.GetProperty("date").GetString());
        Assert.Equal("Lê Thị Ánh Tuyết", meeting.GetProperty("present")[1].GetProperty("name").GetString());
        Assert.Equal("Ủy viên (đi công tác)", meeting.GetProperty("absent")[0].GetProperty("position").GetString());

        // Four people for a board of three: the secretary sets the board's size, then the meeting is refused.
        (await secretary.Put($"/api/review/rounds/{round}/decision-rules", new { rule = "qua-ban-co-mat", members = 3, version = 2 })).Expect(HttpStatusCode.OK);
        var tooMany = (await secretary.Put(url, Meeting(3))).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("nhiều hơn số thành viên Ban (3)", Assert.Single(tooMany.Errors("present")));

        (await secretary.Move(round, "closed", 4)).Expect(HttpStatusCode.OK);
        var closed = (await secretary.Put(url, Meeting(3, present: ["Nguyễn Văn Thắng, Trưởng Ban"]))).Expect(HttpStatusCode.Conflict);
        Assert.Contains("đã công bố kết quả", closed.Detail);
    }
}
