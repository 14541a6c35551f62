using Emulation.Scope;
using JasperFx;
using JasperFx.Events.Daemon;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace Emulation.IntegrationTests.Support;

/// <summary>Looks at the copies other modules keep from the Directory feed, and delivers feed messages by hand.</summary>
public static class FeedScenarios
{
    public static async Task WaitForFeed(this AppFixture app)
    {
        var copied = await app.Services.GetRequiredService<Feeds>().WaitUntilCopiedAsync(Feed.Directory, TimeSpan.FromSeconds(30));
        Assert.True(copied, "the Directory feed did not reach the copies within 30 s");
    }

    /// <summary>Stops relaying the feed, as a busy daemon would be late, and starts it again after <paramref name="delay"/>
    /// in the background: a command sent meanwhile meets a copy that does not hold what was just committed. Await the
    /// returned task before the test ends.</summary>
    public static async Task<Task> HoldFeed(this AppFixture app, Feed feed, TimeSpan delay)
    {
        var daemon = app.Services.GetRequiredService<IProjectionCoordinator>().DaemonForMainDatabase();
        var agent = daemon.CurrentAgents().Single(a => a.Name.Name == feed.Name && a.Status == AgentStatus.Running);
        var shard = agent.Name.Identity;
        await daemon.StopAgentAsync(shard);
        return Task.Run(async () =>
        {
            await Task.Delay(delay);
            await daemon.StartAgentAsync(shard, CancellationToken.None);
        });
    }

    public static async Task Deliver(this AppFixture app, object message)
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync(message);
    }

    public static async Task<T?> Copy<T>(this AppFixture app, Guid id) where T : notnull
    {
        await using var session = app.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return await session.LoadAsync<T>(id);
    }
}
