using System.Net;

namespace Emulation.IntegrationTests.Registry;

/// <summary>Refusals found by <c>tests/stranger/api.py</c> in the registry: each names the field it concerns and
/// stores nothing.</summary>
[Collection(AppCollection.Name)]
public sealed class StrangerInputTests(AppFixture app)
{
    [Theory]
    [InlineData("budget", -5, "Kinh phí")]
    [InlineData("socialisedFunds", -1, "Kinh phí xã hội hóa")]
    [InlineData("workdays", -3, "ngày công")]
    [InlineData("workdays", 20_000_000, "ngày công")]
    public async Task A_negative_or_huge_resource_is_refused_beside_its_own_field_and_the_draft_is_unchanged(string field, long value, string words)
    {
        using var admin = await app.As("quantri");
        using var officer = await app.As("canbo.phuong1");
        var period = await admin.OpenPeriod();
        var dossier = RegistryScenarios.Dossier(period, DirectoryScenarios.Unique("Nguồn lực âm "));
        var (id, version) = await officer.Draft(dossier);
        var before = (await officer.Get($"/api/registry/models/{id}")).Raw;

        dossier[field] = value;
        dossier["version"] = version;
        var refused = (await officer.Put($"/api/registry/models/{id}", dossier)).Expect(HttpStatusCode.BadRequest);
        Assert.Contains(words, Assert.Single(refused.Errors(field)));
        Assert.All(new[] { "budget", "socialisedFunds", "workdays" }.Where(f => f != field), f => Assert.Empty(refused.Errors(f)));
        Assert.Equal(before, (await officer.Get($"/api/registry/models/{id}")).Raw);
    }

    [Fact]
    public async Task A_null_row_in_the_catalog_is_an_empty_row_never_a_server_error()
    {
        using var admin = await app.As("quantri");
        var catalog = (await admin.Get("/api/registry/catalog")).Expect(HttpStatusCode.OK).Body;
        var version = catalog.GetProperty("version").GetInt64();
        var levels = catalog.GetProperty("levels").EnumerateArray()
            .Select(l => new { code = l.GetProperty("code").GetString(), name = l.GetProperty("name").GetString(), active = l.GetProperty("active").GetBoolean() })
            .ToArray();

        var refused = (await admin.Put("/api/registry/catalog", new { fields = new object?[] { null }, levels, version }))
            .Expect(HttpStatusCode.BadRequest);
        Assert.Contains(refused.Errors("fields"), m => m.Contains("1 đến 50"));
        Assert.Equal(version, (await admin.Get("/api/registry/catalog")).Body.GetProperty("version").GetInt64());
    }
}
