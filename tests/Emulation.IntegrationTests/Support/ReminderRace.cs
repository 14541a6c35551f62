using JasperFx;
using Marten;

namespace Emulation.IntegrationTests.Support;

/// <summary>Two nodes running a reminder job at the same moment, in the worst order: both decide (neither sees the
/// other's reminders) before either commits. A run whose commit is refused on a reminder's unique id is decided again
/// in a new session and committed, as Wolverine retries the message. Fails when both first commits went through: then
/// they did not race.</summary>
public static class ReminderRace
{
    /// <returns>What each committed run decided (its outgoing messages, say), in commit order of the two nodes.</returns>
    public static async Task<List<T>> TwoRunsAsync<T>(IDocumentStore store, Func<IDocumentSession, Task<T>> decide)
    {
        var sessions = new[] { store.LightweightSession(), store.LightweightSession() };
        var opened = new System.Collections.Concurrent.ConcurrentBag<IDocumentSession>(sessions);
        var decided = await Task.WhenAll(sessions.Select(s => Task.Run(() => decide(s))));
        var refused = 0;
        var committed = await Task.WhenAll(sessions.Select((s, i) => Task.Run(async () =>
        {
            var (session, result) = (s, decided[i]);
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    await session.SaveChangesAsync();
                    return result;
                }
                catch (Exception e) when (AlreadyStored(e) && attempt < 3)
                {
                    Interlocked.Increment(ref refused);
                    session = store.LightweightSession();
                    opened.Add(session);
                    result = await decide(session);
                }
            }
        })));
        foreach (var s in opened) s.Dispose();
        Assert.True(refused >= 1, "both runs committed: they did not race");
        return [.. committed];
    }

    static bool AlreadyStored(Exception e) => e is DocumentAlreadyExistsException
        || e.InnerException is DocumentAlreadyExistsException
        || e is AggregateException a && a.InnerExceptions.All(AlreadyStored);
}
