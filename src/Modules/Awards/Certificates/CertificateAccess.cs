using Emulation.Kernel.Security;

namespace Emulation.Awards.Certificates;

/// <summary>Certificates belong to the unit that issued them: its approving officials print and revoke them (the
/// signer's authority), its board secretaries print them. Administrators act for no unit and do neither.</summary>
public static class CertificateAccess
{
    public static bool CanPrint(CurrentUser user, Guid issuerUnitId) =>
        user.UnitsFor(Roles.Approver, Roles.BoardSecretary).Contains(issuerUnitId);

    public static bool CanRevoke(CurrentUser user, Guid issuerUnitId) => user.UnitsFor(Roles.Approver).Contains(issuerUnitId);
}
