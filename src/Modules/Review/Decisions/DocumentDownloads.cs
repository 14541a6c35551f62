using Emulation.Kernel;
using Emulation.Kernel.Security;
using Emulation.Kernel.Web;
using Emulation.Review.Rounds;
using Emulation.Review.Units;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Emulation.Review.Decisions;

/// <summary>The round's minutes (PDF, Word) and proposal list (PDF, Word, Excel) for the board and administrators. A unit
/// that sees the round is refused (403): the minutes record the board's vote and notes, not what a unit may read.</summary>
public static class DocumentDownloads
{
    public const string Pdf = "application/pdf";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string BoardOnly = "Chỉ Ban phụ trách đợt đánh giá và quản trị hệ thống tải được biên bản và danh sách đề nghị khen thưởng.";
    const string NoSuchFormat = "Không có định dạng này: biên bản tải được dạng pdf hoặc docx, danh sách đề nghị dạng pdf, docx hoặc xlsx.";

    [WolverineGet("/api/review/rounds/{id}/minutes/{format}"), Authorize(Policy = Policies.SignedIn)]
    [ProducesResponseType(typeof(Stream), StatusCodes.Status200OK, Pdf, Docx)]
    public static async Task<IResult> Minutes(Guid id, string format, IQuerySession session, ReviewUnits units, HttpContext ctx, TimeProvider clock)
    {
        if (format is not ("pdf" or "docx")) return Problems.NotFound(NoSuchFormat);
        var (source, refusal) = await SourceAsync(id, session, units, ctx, clock);
        if (refusal is not null) return refusal;
        if (source!.Decisions.Meeting is not { } meeting)
            return Problems.Conflict("Chưa ghi thông tin cuộc họp xét (thời gian, địa điểm, thành phần, kết luận): chưa lập được biên bản.");
        var minutes = RoundDocuments.Minutes(source, meeting);
        var name = FileName("Biên bản họp xét", source.Round.Name);
        return format == "pdf" ? File(ctx, minutes.ToPdf(), Pdf, name, ".pdf") : File(ctx, minutes.ToDocx(), Docx, name, ".docx");
    }

    [WolverineGet("/api/review/rounds/{id}/proposals/{format}"), Authorize(Policy = Policies.SignedIn)]
    [ProducesResponseType(typeof(Stream), StatusCodes.Status200OK, Pdf, Docx, Xlsx)]
    public static async Task<IResult> Proposals(Guid id, string format, IQuerySession session, ReviewUnits units, HttpContext ctx, TimeProvider clock)
    {
        if (format is not ("pdf" or "docx" or "xlsx")) return Problems.NotFound(NoSuchFormat);
        var (source, refusal) = await SourceAsync(id, session, units, ctx, clock);
        if (refusal is not null) return refusal;
        var proposal = RoundDocuments.Proposal(source!);
        var name = FileName("Danh sách đề nghị khen thưởng", source!.Round.Name);
        return format switch
        {
            "pdf" => File(ctx, proposal.ToPdf(), Pdf, name, ".pdf"),
            "docx" => File(ctx, proposal.ToDocx(), Docx, name, ".docx"),
            _ => File(ctx, proposal.ToXlsx(), Xlsx, name, ".xlsx")
        };
    }

    static async Task<(DocumentSource?, IResult?)> SourceAsync(Guid id, IQuerySession session, ReviewUnits units, HttpContext ctx, TimeProvider clock)
    {
        var access = await ReviewAccess.ForAsync(ctx, units);
        var round = await session.LoadAsync<Round>(id, ctx.RequestAborted);
        if (round is null || !access.CanSee(round)) return (null, Problems.NotFound(RoundSteps.NotFound));
        if (!DecisionQueries.SeesAll(round, access)) return (null, Problems.Forbidden(BoardOnly));
        if (round.State < RoundState.Deliberation)
            return (null, Problems.Conflict("Đợt đánh giá chưa đến bước họp xét: chưa có kết quả để lập biên bản, danh sách."));
        var decisions = await session.LoadAsync<RoundDecisions>(RoundDecisions.StreamFor(id), ctx.RequestAborted) ?? RoundDecisions.Empty(id);
        // The same document for everyone, less the means the caller may not read (ADR 0064): a conflicted member's
        // copy leaves that model's mean blank.
        var means = (await RoundScores.ForAsync(session, new Assignment.ReviewRound(round, access), ctx.RequestAborted)).Shown
            .ToDictionary(m => m.Key, m => m.Value.Mean);
        var tree = access.Tree;
        var board = tree.Find(round.BoardId);
        return (new DocumentSource(round, decisions, board?.Name ?? "", tree.Find(board?.ParentId)?.Name,
            RoundDocuments.PlaceName(tree.Province(round.BoardId)?.Name), u => tree.Name(u), means, clock.VietnamToday()), null);
    }

    /// <summary>The Vietnamese name in <c>filename*</c> (RFC 5987), and for old clients a readable ASCII one without
    /// diacritics ("bien-ban-hop-xet-…") rather than the framework's underscores.</summary>
    static IResult File(HttpContext ctx, byte[] bytes, string contentType, string name, string extension)
    {
        var disposition = new Microsoft.Net.Http.Headers.ContentDispositionHeaderValue("attachment")
        {
            FileName = "\"" + Kernel.Text.VietnameseText.Fold(name).Replace(' ', '-') + extension + "\"",
            FileNameStar = name + extension
        };
        ctx.Response.Headers.ContentDisposition = disposition.ToString();
        return Results.Bytes(bytes, contentType);
    }

    /// <summary>"Biên bản họp xét - Sơ kết 2020-2023": the round's name without the characters file systems refuse.</summary>
    static string FileName(string kind, string round)
    {
        var clean = new string(round.Select(c => "\\/:*?\"<>|".Contains(c) || char.IsControl(c) ? '-' : c).ToArray()).Trim();
        return $"{kind} - {(clean.Length > 120 ? clean[..120] : clean)}";
    }
}
