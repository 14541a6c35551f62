using System.Net;
using System.Text;

namespace Emulation.IntegrationTests.Registry;

[Collection(AppCollection.Name)]
public sealed class InputTests(AppFixture app)
{
    [Fact]
    public async Task Submitting_needs_a_measurable_target()
    {
        using var admin = await app.As("quantri");
        using var officer = await app.As("canbo.phuong1");
        var period = await admin.OpenPeriod();
        var dossier = RegistryScenarios.Dossier(period, "Chưa có chỉ tiêu");
        dossier["targets"] = Array.Empty<object>();
        var (id, _) = await officer.Draft(dossier);
        var refused = (await officer.Post($"/api/registry/models/{id}/submit", new { version = 1 })).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("ít nhất một chỉ tiêu", refused.Errors("targets").Single());
        Assert.Equal("Draft", (await officer.Model(id)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_target_needs_its_baseline_and_dates_must_run_forwards()
    {
        using var admin = await app.As("quantri");
        using var officer = await app.As("canbo.phuong1");
        var period = await admin.OpenPeriod();
        var dossier = RegistryScenarios.Dossier(period, "Chỉ tiêu thiếu hiện trạng");
        dossier["targets"] = new[] { new { indicator = "Số hộ", unitOfMeasure = "hộ", baseline = (decimal?)null, targetValue = 100, dueDate = "2026-12-01" } };
        dossier["startDate"] = "2026-12-31";
        dossier["evaluationDate"] = "2026-01-01";
        var refused = (await officer.Post("/api/registry/models", dossier)).Expect(HttpStatusCode.BadRequest);
        Assert.NotEmpty(refused.Errors("targets[0].baseline"));
        Assert.NotEmpty(refused.Errors("evaluationDate"));
        Assert.NotEmpty(refused.Errors("targets[0].dueDate"));
    }

    [Fact]
    public async Task Oversized_text_and_unknown_references_are_refused()
    {
        using var admin = await app.As("quantri");
        using var officer = await app.As("canbo.phuong1");
        var period = await admin.OpenPeriod();
        var huge = RegistryScenarios.Dossier(period, "Hồ sơ quá dài");
        huge["situation"] = new string('a', 10 * 1024 * 1024);
        var tooLong = (await officer.Post("/api/registry/models", huge)).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("4000 ký tự", tooLong.Errors("situation").Single().Replace(".", ""));

        var unknown = RegistryScenarios.Dossier(Guid.NewGuid(), "Kỳ không có");
        unknown["fieldCode"] = "khong-co";
        var bad = (await officer.Post("/api/registry/models", unknown)).Expect(HttpStatusCode.BadRequest);
        Assert.NotEmpty(bad.Errors("periodId"));
        Assert.NotEmpty(bad.Errors("fieldCode"));

        (await officer.Get($"/api/registry/models/{Guid.NewGuid()}")).Expect(HttpStatusCode.NotFound);
        (await officer.Get("/api/registry/models/khong-phai-id")).Expect(HttpStatusCode.NotFound);
        (await officer.Post($"/api/registry/models/{Guid.NewGuid()}/submit", new { version = 1 })).Expect(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Decomposed_text_is_stored_composed_and_found_without_diacritics()
    {
        using var admin = await app.As("quantri");
        using var officer = await app.As("canbo.phuong1");
        var period = await admin.OpenPeriod();
        var name = "Dân vận khéo giữ gìn đường phố xanh";
        var (id, _) = await officer.Draft(RegistryScenarios.Dossier(period, name.Normalize(NormalizationForm.FormD)));
        var stored = (await officer.Model(id)).GetProperty("details").GetProperty("name").GetString()!;
        Assert.Equal(name.Normalize(NormalizationForm.FormC), stored);

        var found = await officer.WaitForList($"period={period}&q={Uri.EscapeDataString("dan van kheo giu gin")}", p => p.Items().Any());
        Assert.Equal(id, found.Items().Single().GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Submitting_outside_the_registration_window_is_refused()
    {
        using var admin = await app.As("quantri");
        using var officer = await app.As("canbo.phuong1");
        var campaign = (await admin.Post("/api/registry/campaigns", new { name = DirectoryScenarios.Unique("Đợt đã đóng "), startYear = 2020, endYear = 2023 })).Id;
        var closed = (await admin.Post($"/api/registry/campaigns/{campaign}/periods", new
        {
            name = "Đã hết hạn", kind = "Year", from = "2022-01-01", to = "2022-12-31", registrationOpens = "2022-01-01", registrationCloses = "2022-06-30", version = 1
        })).Expect(HttpStatusCode.OK).Id;
        var (id, _) = await officer.Draft(RegistryScenarios.Dossier(closed, "Nộp muộn"));
        var late = (await officer.Post($"/api/registry/models/{id}/submit", new { version = 1 })).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("30/06/2022", late.Errors("periodId").Single());
    }

    [Fact]
    public async Task Unparseable_query_values_are_refused_not_ignored()
    {
        using var officer = await app.As("canbo.phuong1");
        (await officer.Get("/api/registry/models?page=abc")).Expect(System.Net.HttpStatusCode.BadRequest);
        (await officer.Get("/api/registry/models?period=not-a-guid")).Expect(System.Net.HttpStatusCode.BadRequest);
        (await officer.Get("/api/registry/models?status=Unknown")).Expect(System.Net.HttpStatusCode.BadRequest);
    }
}
