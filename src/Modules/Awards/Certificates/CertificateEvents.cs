namespace Emulation.Awards.Certificates;

/// <summary>A certificate came into being when its decision was signed: the facts as signed, the Ed25519 signature
/// over their canonical form (base64url) and the id of the key that made it.</summary>
public sealed record CertificateIssued(Guid CertificateId, CertificateFacts Facts, string KeyId, string Signature, Guid By, DateTimeOffset At);

/// <summary>Printed once more: as part of its decision's print or alone, in full or on a pre-printed blank.</summary>
/// <param name="Mode"><c>full</c> or <c>blank</c>.</param>
public sealed record CertificatePrinted(Guid CertificateId, Guid PrintId, string Mode, int Copies, string? Printer, Guid By, DateTimeOffset At);

/// <summary>Withdrawn by the signer's authority by a revoking decision (false declarations, a forged dossier).</summary>
public sealed record CertificateRevoked(Guid CertificateId, string Reason, string DecisionNumber, DateOnly DecisionDate, Guid By, DateTimeOffset At);
