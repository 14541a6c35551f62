using Emulation.Kernel.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Emulation.Awards.Certificates;

public sealed record KeyRotated(string KeyId);

/// <summary>An administrator retires the generated signing key (suspected leak, routine rotation): certificates issued
/// from now on carry the new key's id; the old public key stays published and keeps verifying (ADR 0031). With a key
/// in configuration, rotation is a configuration change instead and this answers with the configured key's id.</summary>
public static class RotateSigningKeyEndpoint
{
    [WolverinePost("/api/awards/keys/rotate"), Authorize(Policy = Policies.Admin)]
    [ProducesResponseType<KeyRotated>(StatusCodes.Status200OK)]
    public static async Task<IResult> Post(CertificateKeys keys, HttpContext ctx) => Results.Ok(new KeyRotated(await keys.RotateAsync(ctx.RequestAborted)));
}
