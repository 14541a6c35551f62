using Emulation.Scope;
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
