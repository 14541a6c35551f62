using Emulation.Awards.Certificates;
using Emulation.Awards.Verification;
using Emulation.Kernel.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Emulation.Awards.Certificates;

public sealed class CertificatePages : IModulePages
{
    public void Map(IEndpointRouteBuilder app)
    {
        // Public on purpose: a certificate's QR code, its credential and our keys must open for anyone (ADR 0032).
        app.MapGet("/xac-minh/{id}", PublicEndpoints.Page).AllowAnonymous();
        app.MapGet("/xac-minh/{id}/chung-nhan.json", PublicEndpoints.Credential).AllowAnonymous();
        app.MapPost("/api/awards/credentials/verify", PublicEndpoints.Check).AllowAnonymous().DisableAntiforgery()
            .RequireRateLimiting(PublicLookupLimit.Policy)
            // Its body is any credential, not a command the API's conventions describe; ADR 0032 documents it.
            .ExcludeFromDescription();
        app.MapGet(PublicEndpoints.KeysPath, PublicEndpoints.Keys).AllowAnonymous();
        app.MapGet("/tra-cuu-khen-thuong", LookupPage.Get).AllowAnonymous().RequireRateLimiting(PublicLookupLimit.Policy);
        app.MapGet("/khen-thuong/quyet-dinh/{decisionId:guid}/bang-khen", DecisionCertificatesPage.Get).RequireAuthorization();
        app.MapGet("/khen-thuong/may-in", PrintersPage.Get).RequireAuthorization();
    }
}
