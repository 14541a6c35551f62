using Marten;

namespace Emulation.Awards.Certificates;

/// <summary>The calls the decision's signing makes, inside its own transaction: issuing (each recipient's facts
/// normalised, signed with the current key, starting that certificate's stream) and, for a signed revoking decision,
/// revoking the certificates it names. Nothing is saved here; the signing endpoint's transaction commits the decision
/// and its certificates together, or neither.</summary>
public sealed class CertificateIssuer(CertificateKeys keys)
{
    public async Task<IReadOnlyList<CertificateIssued>> IssueAsync(IDocumentSession session, IEnumerable<CertificateFacts> facts,
        Guid by, DateTimeOffset at, CancellationToken ct = default)
    {
        var key = await keys.CurrentAsync(ct);
        var issued = facts.Select(f => CertificateSigning.Issue(f, key, by, at)).ToList();
        foreach (var e in issued) session.Events.StartStream<Certificate>(e.CertificateId, e);
        return issued;
    }

    /// <summary>A revoking decision was signed: every named certificate not revoked yet is revoked by it.</summary>
    public static async Task RevokeAsync(IDocumentSession session, IEnumerable<Guid> certificateIds, string reason, string decisionNumber,
        DateOnly decisionDate, Guid by, DateTimeOffset at, CancellationToken ct = default)
    {
        var ids = certificateIds.Distinct().ToArray();
        if (ids.Length == 0) return;
        foreach (var c in (await session.LoadManyAsync<Certificate>(ct, ids)).Where(c => !c.IsRevoked))
            session.Events.Append(c.Id, new CertificateRevoked(c.Id, reason, decisionNumber, decisionDate, by, at));
    }
}
