using System.Text.RegularExpressions;
using Emulation.Awards.Units;
using Emulation.Kernel.Security;
using Emulation.Kernel.Text;
using Emulation.Kernel.Web;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Emulation.Awards.Catalogue;

/// <param name="Recipients">collective and/or individual.</param>
/// <param name="PrizeCollective">Prize money per collective, typed the Vietnamese way ("1.500.000").</param>
/// <param name="Version">The catalogue's version as last read (0 before any form).</param>
public sealed record SaveForm(
    string? Code, string? Name, string? PrintedName, string? Level, Guid? IssuerUnitId, string? IssuerParent, string? IssuerName, string? IssuerTitle,
    string? Symbol, string? Place, List<string>? Recipients, string? Paper, string? PrizeCollective, string? PrizeIndividual,
    bool? ProposedUpward, bool? Active, long? Version);

public sealed record CatalogueSaved(string Code, long Version);

/// <summary>An administrator adds or changes a form of commendation. A decision keeps the form as it was when drafted, so
/// a later change never rewrites a decision.</summary>
public static partial class SaveFormEndpoint
{
    [WolverinePut("/api/awards/catalogue/forms"), Authorize(Policy = Policies.SignedIn)]
    [ProducesResponseType<CatalogueSaved>(StatusCodes.Status200OK)]
    public static async Task<IResult> Put(SaveForm command, IDocumentSession session, AwardsUnits units, HttpContext ctx, TimeProvider clock)
    {
        var user = ctx.CurrentUser();
        if (!user.IsAdmin) return Problems.Forbidden("Chỉ quản trị hệ thống được sửa danh mục hình thức khen thưởng.");
        var stream = await session.Events.FetchForWriting<AwardCatalogue>(AwardCatalogue.StreamId, ctx.RequestAborted);
        var tree = await units.TreeAsync(ctx.RequestAborted);
        var (result, events) = Decide(stream.Aggregate ?? AwardCatalogue.Empty, command, id => tree.Find(id) is { Active: true }, user.Id, clock.GetUtcNow());
        if (events.Count > 0) stream.AppendMany(events);
        return result;
    }

    [GeneratedRegex(@"^[a-z0-9]+(-[a-z0-9]+)*$")] private static partial Regex CodeShape();
    [GeneratedRegex(@"^[\p{L}\d]+(-[\p{L}\d]+)+$")] private static partial Regex SymbolShape();

    public static (IResult, IReadOnlyList<object>) Decide(AwardCatalogue catalogue, SaveForm c, Func<Guid, bool> unitExists, Guid by, DateTimeOffset now)
    {
        var errors = new Errors();
        var code = (c.Code ?? "").Trim();
        errors.Add(code.Length > 60 || !CodeShape().IsMatch(code), "code", "Mã hình thức chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang (tối đa 60 ký tự).");
        errors.Required(c.Name, "name", "tên hình thức khen thưởng", 200);
        errors.Required(c.PrintedName, "printedName", "tên in trên bằng (BẰNG KHEN, GIẤY KHEN)", 40);
        errors.Add(!CommendationLevels.All.Contains(c.Level ?? ""), "level",
            "Hãy chọn hình thức đề nghị tương ứng: " + string.Join(", ", CommendationLevels.All) + ".");
        errors.Add(c.IssuerUnitId is not { } u || !unitExists(u), "issuerUnitId", "Hãy chọn đơn vị có thẩm quyền ký (đơn vị đang hoạt động).");
        errors.Optional(c.IssuerParent, "issuerParent", "cơ quan chủ quản", 200);
        errors.Required(c.IssuerName, "issuerName", "tên cơ quan ban hành", 200);
        errors.Required(c.IssuerTitle, "issuerTitle", "chức danh người ký in trên bằng", 200);
        var symbol = VietnameseText.NfcOrNull(c.Symbol);
        errors.Add(symbol is null || symbol.Length > 30 || !SymbolShape().IsMatch(symbol), "symbol", "Ký hiệu quyết định có dạng QĐ-UBND (tối đa 30 ký tự).");
        errors.Required(c.Place, "place", "địa danh ghi trên văn bản", 100);
        var recipients = (c.Recipients ?? []).Distinct().ToList();
        errors.Add(recipients.Count == 0 || recipients.Any(r => !RecipientKinds.All.Contains(r)), "recipients", "Hãy chọn đối tượng được tặng: tập thể, cá nhân hoặc cả hai.");
        errors.Add(!Papers.All.Contains(c.Paper ?? ""), "paper", "Khổ giấy phải là A3 ngang hoặc A4 ngang.");
        var (prizeCollective, e1) = Money.Parse(c.PrizeCollective, "Tiền thưởng tập thể");
        var (prizeIndividual, e2) = Money.Parse(c.PrizeIndividual, "Tiền thưởng cá nhân");
        errors.Add(e1 is not null, "prizeCollective", e1 ?? "");
        errors.Add(e2 is not null, "prizeIndividual", e2 ?? "");
        errors.Add(c.Version is null, "version", "Thiếu phiên bản của danh mục (version). Hãy tải lại trang và thử lại.");
        if (!errors.Ok) return (Problems.Validation(errors), []);
        if (c.Version != catalogue.Version) return (Problems.Conflict(Problems.StaleVersion), []);
        var form = new CommendationForm(code, VietnameseText.NfcOrNull(c.Name)!, VietnameseText.NfcOrNull(c.PrintedName)!.ToUpperInvariant(), c.Level!,
            c.IssuerUnitId!.Value, VietnameseText.NfcOrNull(c.IssuerParent), VietnameseText.NfcOrNull(c.IssuerName)!, VietnameseText.NfcOrNull(c.IssuerTitle)!,
            symbol!, VietnameseText.NfcOrNull(c.Place)!, recipients, c.Paper!, prizeCollective, prizeIndividual, c.ProposedUpward ?? false, c.Active ?? true,
            // Slots set for one paper mean nothing on the other: a change of paper goes back to that paper's design.
            catalogue.Form(code)?.Layout is { } layout && layout.Paper == c.Paper ? layout : null);
        return (Results.Ok(new CatalogueSaved(code, catalogue.Version + 1)), [new CommendationFormSaved(form, by, now)]);
    }
}
