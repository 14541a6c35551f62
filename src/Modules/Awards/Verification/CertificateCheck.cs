using Emulation.Awards.Certificates;

namespace Emulation.Awards.Verification;

public enum CertificateStatus { Valid, Revoked, Altered, Unknown }

/// <summary>What the public page says about a certificate: unknown (never issued here, or a forged id), altered (what is
/// stored no longer matches the signature made when it was issued, or the key is not ours), revoked, or valid.</summary>
public static class CertificateCheck
{
    public static CertificateStatus Evaluate(Certificate? certificate, byte[]? publicKey)
    {
        if (certificate is null) return CertificateStatus.Unknown;
        if (publicKey is null || certificate.Facts.CertificateId != certificate.Id
            || !CertificateSigning.Verify(certificate.Facts, certificate.KeyId, certificate.Signature, publicKey))
            return CertificateStatus.Altered;
        return certificate.IsRevoked ? CertificateStatus.Revoked : CertificateStatus.Valid;
    }
}
