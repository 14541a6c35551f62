using Emulation.Kernel.Security;
using Emulation.Kernel.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Wolverine.Http;

namespace Emulation.Awards.Certificates;

/// <param name="Reason">Why (routine, suspected leak): kept in the log only.</param>
public sealed record RotateSigningKey(string? Reason);

public sealed record KeyRotated(string KeyId);

/// <summary>An administrator retires the generated signing key (suspected leak, routine rotation): certificates issued
/// from now on carry the new key's id; the old public key stays published and keeps verifying (ADR 0031). With a key
/// in configuration, rotation is a configuration change instead and this answers with the configured key's id.</summary>
public static class RotateSigningKeyEndpoint
{
    [WolverinePost("/api/awards/keys/rotate"), Authorize(Policy = Policies.Admin)]
    [ProducesResponseType<KeyRotated>(StatusCodes.Status200OK)]
    public static async Task<IResult> Post(RotateSigningKey command, CertificateKeys keys, HttpContext ctx, Microsoft.Extensions.Logging.ILogger<CertificateKeys> log)
    {
        var errors = new Errors().Optional(command.Reason, "reason", "lý do", 500);
        if (!errors.Ok) return Problems.Validation(errors);
        var id = await keys.RotateAsync(ctx.RequestAborted);
        log.LogWarning("Certificate signing key rotated to {KeyId} by {User}: {Reason}", id, ctx.CurrentUser().UserName, command.Reason);
        return Results.Ok(new KeyRotated(id));
    }
}
