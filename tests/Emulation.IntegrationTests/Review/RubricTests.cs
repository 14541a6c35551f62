using System.Net;

namespace Emulation.IntegrationTests.Review;

[Collection(AppCollection.Name)]
public sealed class RubricTests(AppFixture app)
{
    static object[] Criteria(decimal max = 10) =>
    [
        new { code = "HQ", name = "Hiệu quả", maxPoints = max, weight = 60, bands = new[] { new { from = 0, to = 4, label = "Chưa đạt" }, new { from = 5, to = 10, label = "Đạt" } } },
        new { code = "TG", name = "Sự tham gia của nhân dân", maxPoints = 10, weight = 40 },
        new { code = "CT", name = "Có chỉ tiêu đạt", maxPoints = 1, weight = 0, gateMinimum = 1 }
    ];

    [Fact]
    public async Task The_provincial_preset_has_the_six_weighted_criteria_and_the_gate()
    {
        using var secretary = await app.As(ReviewScenarios.Secretary);
        var id = await secretary.PresetRubric();
        var body = (await secretary.Get($"/api/review/rubrics/{id}")).Expect(HttpStatusCode.OK).Body;
        var criteria = body.GetProperty("versions")[0].GetProperty("criteria").EnumerateArray().ToList();
        Assert.Equal(["HQ", "TG", "NR", "BV", "ST", "CP", "CT"], criteria.Select(c => c.GetProperty("code").GetString()));
        Assert.Equal(100m, criteria.Sum(c => c.GetProperty("weight").GetDecimal()));
        Assert.Equal(1m, criteria.Single(c => c.GetProperty("code").GetString() == "CT").GetProperty("gateMinimum").GetDecimal());
        Assert.Equal("Sự tham gia của nhân dân", criteria[1].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Editing_makes_a_new_version_and_a_version_used_by_an_opened_round_is_frozen_while_the_round_keeps_it()
    {
        var (round, rubric, _) = await app.DraftRound();
        using var secretary = await app.As(ReviewScenarios.Secretary);
        // Before any round opened with it, version 1 may still be corrected in place.
        (await secretary.Put($"/api/review/rubrics/{rubric}/versions/latest", new { versionNo = 1, criteria = Criteria(), version = 1 })).Expect(HttpStatusCode.OK);
        (await secretary.Move(round, "self-assessment", 1)).Expect(HttpStatusCode.OK);

        var frozen = (await secretary.Put($"/api/review/rubrics/{rubric}/versions/latest", new { versionNo = 1, criteria = Criteria(20), version = 3 }))
            .Expect(HttpStatusCode.Conflict);
        Assert.Contains("không được sửa", frozen.Detail);

        var revised = (await secretary.Post($"/api/review/rubrics/{rubric}/versions", new { criteria = Criteria(20), note = "Tăng thang điểm", version = 3 }))
            .Expect(HttpStatusCode.OK);
        Assert.Equal(2, revised.Body.GetProperty("versionNo").GetInt32());

        var roundBody = (await secretary.Get($"/api/review/rounds/{round}")).Expect(HttpStatusCode.OK).Body;
        Assert.Equal(1, roundBody.GetProperty("rubricVersion").GetInt32());
        Assert.Equal(10m, roundBody.GetProperty("criteria")[0].GetProperty("maxPoints").GetDecimal());
        var rubricBody = (await secretary.Get($"/api/review/rubrics/{rubric}")).Expect(HttpStatusCode.OK).Body;
        Assert.Equal(10m, rubricBody.GetProperty("versions")[0].GetProperty("criteria")[0].GetProperty("maxPoints").GetDecimal());
        Assert.Equal(20m, rubricBody.GetProperty("versions")[1].GetProperty("criteria")[0].GetProperty("maxPoints").GetDecimal());
    }

    [Fact]
    public async Task Bad_criteria_another_boards_rubric_and_a_stale_version_are_refused()
    {
        using var secretary = await app.As(ReviewScenarios.Secretary);
        var bad = (await secretary.Post("/api/review/rubrics", new
        {
            name = "Sai", criteria = new object[]
            {
                new { code = "A", name = "Một", maxPoints = 10, weight = 50, bands = new[] { new { from = 0, to = 6, label = "Thấp" }, new { from = 5, to = 10, label = "Cao" } } },
                new { code = "A", name = "Hai", maxPoints = 0, weight = 150, gateMinimum = 3 }
            }
        })).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("chồng lên nhau", bad.Errors("criteria[0].bands[1]").Single());
        Assert.NotEmpty(bad.Errors("criteria[1].code"));
        Assert.NotEmpty(bad.Errors("criteria[1].maxPoints"));
        Assert.NotEmpty(bad.Errors("criteria[1].weight"));

        var id = await secretary.PresetRubric();
        using var other = await app.As("thuky.bdvtinh");
        (await other.Post($"/api/review/rubrics/{id}/versions", new { criteria = Criteria(), version = 1 })).Expect(HttpStatusCode.Forbidden);
        (await secretary.Post($"/api/review/rubrics/{id}/versions", new { criteria = Criteria(), version = 5 })).Expect(HttpStatusCode.Conflict);
        using var officer = await app.As("canbo.phuong1");
        (await officer.Post("/api/review/rubrics", new { preset = "tinh" })).Expect(HttpStatusCode.Forbidden);
        var body = (await secretary.Get($"/api/review/rubrics/{id}")).Expect(HttpStatusCode.OK).Body;
        Assert.Equal(1, body.GetProperty("versions").GetArrayLength());
    }
}
