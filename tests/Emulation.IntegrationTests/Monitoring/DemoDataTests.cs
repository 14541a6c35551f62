using Emulation.Monitoring.Following;
using Emulation.Monitoring.Summary;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Emulation.IntegrationTests.Monitoring;

[Collection(AppCollection.Name)]
public sealed class DemoDataTests(AppFixture app)
{
    [Fact]
    public async Task The_seed_models_have_two_years_of_quarterly_reports_and_every_kind_of_health()
    {
        var store = app.Services.GetRequiredService<IDocumentStore>();
        using (var scope = app.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<Wolverine.IMessageBus>().InvokeAsync(new RefreshSummaries());
        string[] expected = ["on-track", "behind", "report-overdue", "stalled", "discontinued"];
        HashSet<string> seen = [];
        for (var i = 0; i < 100 && !expected.All(seen.Contains); i++)
        {
            await using var session = store.QuerySession();
            seen = (await session.Query<MonitoringSummary>().Where(s => s.ReportsCount > 0).Select(s => s.Health).ToListAsync()).ToHashSet();
            if (!expected.All(seen.Contains)) await Task.Delay(100);
        }
        Assert.Superset(expected.ToHashSet(), seen);

        await using var query = store.QuerySession();
        var seeded = (await query.Query<FollowedModel>().ToListAsync()).Where(m => m.Reports.Count > 0).ToList();
        Assert.True(seeded.Count >= 20, $"{seeded.Count} seeded models with reports");
        Assert.Contains(seeded, m => m.Standing.Count == 8);
        Assert.Contains(seeded, m => m.Submitted.Any(r => r.Corrects is not null));
        Assert.Contains(seeded, m => m.Reports.Any(r => r.Status == ReportStatus.Draft));
    }
}
