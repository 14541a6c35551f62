using System.Net;
using Emulation.Monitoring.Following;
using Emulation.Monitoring.Summary;
using Emulation.Scope;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Emulation.IntegrationTests.Support;

/// <summary>Builds monitoring state through the API: a model accepted in the Registry and followed here.</summary>
public static class MonitoringScenarios
{
    /// <summary>Drafts, submits and accepts a model through the Registry's API and waits until Monitoring follows it.</summary>
    public static async Task<Guid> AcceptedModel(this AppFixture app, string name, Dictionary<string, object?>? changes = null,
        string officer = "canbo.phuong1", string secretary = "thuky.phuong1")
    {
        using var admin = await app.As("quantri");
        using var unit = await app.As(officer);
        using var board = await app.As(secretary);
        // A period of its own only when none is given: each one opened lengthens every period dropdown of the run.
        var period = changes?.GetValueOrDefault("periodId") is Guid given ? given : await admin.OpenPeriod();
        var dossier = RegistryScenarios.Dossier(period, DirectoryScenarios.Unique(name + " "));
        foreach (var (key, value) in changes ?? []) dossier[key] = value;
        var (id, _) = await unit.Draft(dossier);
        await unit.Submit(id, 1);
        (await board.Post($"/api/registry/models/{id}/accept", new { version = 2 })).Expect(HttpStatusCode.OK);
        await app.WaitForRegistryFeed();
        return id;
    }

    public static async Task WaitForRegistryFeed(this AppFixture app)
    {
        var copied = await app.Services.GetRequiredService<Feeds>().WaitUntilCopiedAsync(Feed.Registry, TimeSpan.FromSeconds(30));
        Assert.True(copied, "the Registry feed did not reach Monitoring within 30 s");
    }

    public static async Task<FollowedModel?> Followed(this AppFixture app, Guid modelId)
    {
        await using var session = app.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return await session.LoadAsync<FollowedModel>(FollowedModel.StreamFor(modelId));
    }

    /// <summary>The summary is written by a subscription after the commit: wait (a few seconds at most) for the state expected.</summary>
    public static async Task<MonitoringSummary> Summary(this AppFixture app, Guid modelId, Func<MonitoringSummary, bool>? until = null)
    {
        var store = app.Services.GetRequiredService<IDocumentStore>();
        MonitoringSummary? summary = null;
        for (var i = 0; i < 100; i++)
        {
            await using var session = store.QuerySession();
            summary = await session.LoadAsync<MonitoringSummary>(modelId);
            if (summary is not null && (until?.Invoke(summary) ?? true)) return summary;
            await Task.Delay(100);
        }
        Assert.Fail($"the monitoring summary of {modelId} never reached the expected state (last: {summary?.Health} v{summary?.StreamVersion})");
        return summary!;
    }
}

public static class FreshSignIn
{
    /// <summary>A client with a token issued now (by the host's clock, which may be shifted): cached tokens issued at
    /// another time would be expired or not yet valid for it.</summary>
    public static async Task<Api> Fresh(this AppFixture app, string userName, string password = Emulation.Directory.Seed.DirectoryDemoSeed.Password)
    {
        using var anonymous = app.Anonymous();
        var reply = (await new Api(anonymous).Post("/api/auth/token", new { userName, password }))
            .Expect(HttpStatusCode.OK);
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new("Bearer", reply.Body.GetProperty("accessToken").GetString());
        return new Api(client);
    }
}
