using System.Text;
using Marten;

namespace Emulation.Awards.Decisions;

/// <summary>The transaction locks of award decisions, each held to the commit: a number and symbol claimed once per
/// issuer and year, a round's recipients commended once, a gold book numbered without gaps or repeats (ADR 0030).</summary>
public static class DecisionLocks
{
    static readonly Guid Space = new("c2a1f7d9-4e83-4b0a-a6f5-1d9e3b7c8f52");

    public static string NumberKey(Guid issuerUnitId, int year) => $"number/{issuerUnitId}/{year}";
    public static string RoundKey(Guid roundId) => $"round/{roundId}";
    public static string GoldBookKey(string formCode, int year) => $"gold-book/{formCode}/{year}";

    /// <summary>Opens the session's transaction (once) and takes the locks in the order given: callers name them in one
    /// order everywhere (round, then gold book) so two signers never wait on each other in a circle.</summary>
    public static async Task TakeAsync(IDocumentSession session, CancellationToken ct, params string[] keys)
    {
        await session.BeginTransactionAsync(ct);
        foreach (var key in keys)
            await session.QueryAsync<int>("select 1 from (select pg_advisory_xact_lock(?)) l", Key(key));
    }

    static long Key(string name) =>
        BitConverter.ToInt64(Kernel.Identity.NameBasedId.Of(Space, Encoding.UTF8.GetBytes(name)).ToByteArray(), 0);
}

/// <summary>The last gold-book number (số vào sổ) given for a form in a year; written only under its lock.</summary>
public sealed class GoldBook
{
    public string Id { get; set; } = "";
    public int Last { get; set; }

    public static string IdOf(string formCode, int year) => $"{formCode}/{year}";
}
