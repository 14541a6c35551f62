using Emulation.Kernel;
using Emulation.Kernel.Security;
using Emulation.Kernel.Text;
using Emulation.Kernel.Web;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace Emulation.Awards.Certificates;

/// <param name="DecisionNumber">The revoking decision's number and symbol, e.g. "45/QĐ-UBND".</param>
/// <param name="DecisionDate">31/12/2026 or 2026-12-31.</param>
public sealed record RevokeCertificate(string? Reason, string? DecisionNumber, string? DecisionDate, long? Version);

public sealed record CertificateSaved(Guid Id, long Version);

/// <summary>The issuing unit's approving official revokes a certificate by a revoking decision (false declarations, a
/// forged dossier). Its verification page says so from then on, and it is never printed again.</summary>
public static class RevokeCertificateEndpoint
{
    public const int MaxReason = 1000, MaxNumber = 50;

    [WolverinePost("/api/awards/certificates/{id}/revoke"), Authorize(Policy = Policies.SignedIn)]
    [ProducesResponseType<CertificateSaved>(StatusCodes.Status200OK)]
    public static (IResult, Events) Post(Guid id, RevokeCertificate command, [WriteAggregate(Required = false)] Certificate? certificate,
        HttpContext ctx, TimeProvider clock) => Decide(certificate, command, ctx.CurrentUser(), clock.GetUtcNow());

    public static (IResult, Events) Decide(Certificate? certificate, RevokeCertificate command, CurrentUser user, DateTimeOffset now)
    {
        if (certificate is null) return (Problems.NotFound("Không tìm thấy bằng khen, giấy khen này."), []);
        if (!CertificateAccess.CanRevoke(user, certificate.Facts.IssuerUnitId))
            return (Problems.Forbidden("Chỉ lãnh đạo có thẩm quyền của cơ quan đã tặng mới được thu hồi bằng khen, giấy khen."), []);
        if (certificate.Revoked is { } r)
            return (Problems.Conflict($"Bằng khen này đã bị thu hồi theo Quyết định số {r.DecisionNumber} ngày {Format.Date(r.DecisionDate)}."), []);
        if (command.Version is { } v && v != certificate.Version) return (Problems.Conflict(Problems.StaleVersion), []);
        var reason = VietnameseText.Clean(command.Reason);
        var number = VietnameseText.Clean(command.DecisionNumber);
        var (date, dateError) = VietnameseDate.Parse(command.DecisionDate);
        var errors = new Errors()
            .Required(reason, "reason", "lý do thu hồi", MaxReason)
            .Required(number, "decisionNumber", "số quyết định thu hồi", MaxNumber)
            .Add(dateError is not null, "decisionDate", dateError ?? "")
            .Add(command.Version is null, "version", "Thiếu phiên bản dữ liệu; hãy tải lại trang.")
            .Add(date is { } d && d < certificate.Facts.DecisionDate, "decisionDate", "Quyết định thu hồi không thể ký trước quyết định khen thưởng.")
            .Add(date is { } f && f > now.VietnamDate(), "decisionDate", "Ngày quyết định thu hồi không được ở tương lai.");
        if (!errors.Ok) return (Problems.Validation(errors), []);
        return (Results.Ok(new CertificateSaved(certificate.Id, certificate.Version + 1)),
            [new CertificateRevoked(certificate.Id, reason, number, date!.Value, user.Id, now)]);
    }
}
