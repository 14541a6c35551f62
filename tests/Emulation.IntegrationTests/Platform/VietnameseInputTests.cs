using System.Net;

namespace Emulation.IntegrationTests.Platform;

/// <summary>Numbers and dates as the form sends them (the text typed), read the Vietnamese way by the API.</summary>
[Collection(AppCollection.Name)]
public sealed class VietnameseInputTests(AppFixture app)
{
    [Fact]
    public async Task Grouped_thousands_decimal_commas_and_day_month_year_dates_are_stored_as_meant()
    {
        using var admin = await app.As("quantri");
        using var officer = await app.As("canbo.phuong1");
        var period = await admin.OpenPeriod();
        var dossier = RegistryScenarios.Dossier(period, "Số kiểu Việt Nam");
        dossier["budget"] = "50.000.000";
        dossier["socialisedFunds"] = "1.234,5";
        dossier["workdays"] = "1.500";
        dossier["startDate"] = "15/01/2026";
        dossier["targets"] = new[] { new { indicator = "Số hộ", unitOfMeasure = "hộ", baseline = "12,5", targetValue = "1.500", dueDate = "01/12/2026" } };
        var (id, _) = await officer.Draft(dossier);

        var model = await officer.Model(id);
        var details = model.TryGetProperty("details", out var d) ? d : model;
        Assert.Equal(50_000_000m, details.GetProperty("budget").GetDecimal());
        Assert.Equal(1234.5m, details.GetProperty("socialisedFunds").GetDecimal());
        Assert.Equal(1500, details.GetProperty("workdays").GetInt32());
        Assert.Equal("2026-01-15", details.GetProperty("startDate").GetString());
        var target = details.GetProperty("targets")[0];
        Assert.Equal(12.5m, target.GetProperty("baseline").GetDecimal());
        Assert.Equal(1500m, target.GetProperty("targetValue").GetDecimal());
        Assert.Equal("2026-12-01", target.GetProperty("dueDate").GetString());
    }

    [Theory]
    [InlineData("budget", "1.5", "budget")]
    [InlineData("budget", "1,500", "budget")]
    [InlineData("workdays", "12,5", "workdays")]
    [InlineData("startDate", "31/12/2226", "startDate")]
    public async Task What_could_be_read_two_ways_is_refused_beside_its_field(string field, string text, string named)
    {
        using var admin = await app.As("quantri");
        using var officer = await app.As("canbo.phuong1");
        var period = await admin.OpenPeriod();
        var dossier = RegistryScenarios.Dossier(period, "Số mơ hồ");
        dossier[field] = text;
        var refused = (await officer.Post("/api/registry/models", dossier)).Expect(HttpStatusCode.BadRequest);
        Assert.Contains(text.Split('/').Last(), refused.Errors(named).Single());
    }
}
