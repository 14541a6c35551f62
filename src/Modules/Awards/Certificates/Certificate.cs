using System.Text.Json.Serialization;
using Emulation.Kernel.Text;

namespace Emulation.Awards.Certificates;

public sealed record Revocation(string Reason, string DecisionNumber, DateOnly DecisionDate, Guid By, DateTimeOffset At);

/// <summary>One certificate: what was signed, how often it was printed and whether it was revoked. Immutable; folded
/// by Marten. The search columns (decision, folded name and unit, year) are copies of the facts for the lookups.</summary>
public sealed partial record Certificate(Guid Id, CertificateFacts Facts, string KeyId, string Signature, Guid IssuedBy, DateTimeOffset IssuedAt,
    int Copies, DateTimeOffset? LastPrintedAt, Revocation? Revoked, Guid DecisionId, string SearchKey, int Year, long Version)
{
    public static Certificate Create(CertificateIssued e) => new(e.CertificateId, e.Facts, e.KeyId, e.Signature, e.By, e.At, 0, null, null,
        e.Facts.DecisionId, VietnameseText.Fold($"{e.Facts.RecipientName} {e.Facts.RecipientUnit}"), e.Facts.DecisionDate.Year, 1);

    public Certificate Apply(CertificatePrinted e) => this with { Copies = Copies + e.Copies, LastPrintedAt = e.At };

    public Certificate Apply(CertificateRevoked e) => this with { Revoked = new Revocation(e.Reason, e.DecisionNumber, e.DecisionDate, e.By, e.At) };

    [JsonIgnore] public bool IsRevoked => Revoked is not null;
}
