using System.Security.Claims;
using Emulation.Directory.People;
using Emulation.Kernel.Security;
using Marten;
using Microsoft.AspNetCore.Authentication;

namespace Emulation.Directory.SignIn;

/// <summary>Adds the person's current roles to the principal on each request, so a granted or revoked role,
/// a disabled account or a changed password takes effect at once for both the cookie (UI) and the bearer token (API).</summary>
public sealed class RoleClaims(IQuerySession session) : IClaimsTransformation
{
    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true || principal.HasClaim(c => c.Type == EmulationClaims.Loaded)) return principal;
        if (!Guid.TryParse(principal.FindFirstValue(EmulationClaims.UserId), out var id)) return principal;

        // Person and credential in one round trip, the credential found by the user name the token carries; a token
        // whose name is not the person's is refused like a stale one.
        var claimedName = principal.FindFirstValue(EmulationClaims.UserName) ?? "";
        var batch = session.CreateBatchQuery();
        var loadPerson = batch.Load<Person>(id);
        var loadCredential = batch.Load<Credential>(Credential.Key(claimedName));
        await batch.Execute();
        var person = await loadPerson;
        if (person is null || person.Disabled || Credential.Key(person.UserName) != Credential.Key(claimedName))
            return new ClaimsPrincipal(new ClaimsIdentity());
        // A password changed since this cookie or token was issued ends it (a stolen one stops working too).
        var credential = await loadCredential;
        if (credential is null || principal.FindFirstValue(SignInService.StampClaim) != SignInService.Stamp(credential))
            return new ClaimsPrincipal(new ClaimsIdentity());

        var identity = new ClaimsIdentity(principal.Identity.AuthenticationType, EmulationClaims.UserName, ClaimTypes.Role);
        identity.AddClaims(principal.Claims.Where(c => c.Type is EmulationClaims.UserId or EmulationClaims.UserName));
        identity.AddClaim(new Claim(EmulationClaims.FullName, person.FullName));
        identity.AddClaim(new Claim(EmulationClaims.Loaded, "1"));
        foreach (var role in person.Roles)
        {
            identity.AddClaim(new Claim(EmulationClaims.Assignment, role.ToClaim()));
            if (!identity.HasClaim(ClaimTypes.Role, role.Role)) identity.AddClaim(new Claim(ClaimTypes.Role, role.Role));
        }
        return new ClaimsPrincipal(identity);
    }
}
