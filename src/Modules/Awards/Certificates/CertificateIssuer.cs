using Marten;

namespace Emulation.Awards.Certificates;

/// <summary>The one call the decision's signing makes, inside its own transaction: each recipient's facts are
/// normalised, signed with the current key and start that certificate's stream. Nothing is saved here; the signing
/// endpoint's transaction commits the decision and its certificates together, or neither.</summary>
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
}
