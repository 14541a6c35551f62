using System.Net;

namespace Emulation.IntegrationTests.Registry;

/// <summary>What a target can be, and steps without a version.</summary>
[Collection(AppCollection.Name)]
public sealed class DossierLimitsTests(AppFixture app)
{
    [Fact]
    public async Task Negative_counts_and_targets_due_before_the_period_are_refused()
    {
        using var admin = await app.As("quantri");
        using var officer = await app.As("canbo.phuong1");
        var period = await admin.OpenPeriod();
        var dossier = RegistryScenarios.Dossier(period, DirectoryScenarios.Unique("Chỉ tiêu âm "));
        dossier["startDate"] = null;
        dossier["targets"] = new[] { new { indicator = "Số hộ tham gia", unitOfMeasure = "hộ", baseline = -3, targetValue = 40, dueDate = "2000-01-01" } };
        var refused = (await officer.Post("/api/registry/models", dossier)).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(["Giá trị hiện tại của chỉ tiêu thứ 1 không được là số âm."], refused.Errors("targets[0].baseline"));
        Assert.Single(refused.Errors("targets[0].dueDate"));
        Assert.StartsWith("Thời hạn của chỉ tiêu thứ 1 không được trước ngày bắt đầu kỳ", refused.Errors("targets[0].dueDate")[0]);
        var list = (await officer.Get($"/api/registry/models?period={period}")).Expect(HttpStatusCode.OK).Body;
        Assert.Empty(list.Items());
    }

    [Fact]
    public async Task A_step_without_a_version_is_refused_and_changes_nothing()
    {
        using var admin = await app.As("quantri");
        using var officer = await app.As("canbo.phuong1");
        var period = await admin.OpenPeriod();
        var (id, _) = await officer.Draft(RegistryScenarios.Dossier(period, DirectoryScenarios.Unique("Thiếu phiên bản ")));
        var refused = (await officer.Post($"/api/registry/models/{id}/submit", new { })).Expect(HttpStatusCode.BadRequest);
        Assert.NotEmpty(refused.Errors("version"));
        Assert.Equal("Draft", (await officer.Model(id)).GetProperty("status").GetString());
        Assert.Equal(1, (await officer.Model(id)).GetProperty("version").GetInt64());
    }
}
