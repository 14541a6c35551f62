using Emulation.Kernel.Security;
using Emulation.Kernel.Text;
using Emulation.Kernel.Web;
using Emulation.Review.Units;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Emulation.Review.Reviewers;

public sealed record SetExpertise(IReadOnlyList<string?>? Fields);

public sealed record ExpertiseSaved(Guid PersonId, IReadOnlyList<string> Fields);

/// <summary>The fields a reviewer knows: set by the reviewer, by the secretary of a board they serve, or an administrator.</summary>
public static class SetExpertiseEndpoint
{
    public const int MaxFields = 20, MaxCode = 50;

    [WolverinePut("/api/review/reviewers/{personId}/fields"), Authorize(Policy = Policies.SignedIn)]
    [ProducesResponseType<ExpertiseSaved>(StatusCodes.Status200OK)]
    public static async Task<IResult> Put(Guid personId, SetExpertise command, IDocumentSession session, ReviewUnits units, HttpContext ctx, TimeProvider clock)
    {
        var user = ctx.CurrentUser();
        var person = await session.LoadAsync<ReviewPerson>(personId, ctx.RequestAborted);
        var (result, doc) = Decide(user, personId, person, command, clock.GetUtcNow());
        if (doc is not null) session.Store(doc);
        return result;
    }

    public static (IResult, ReviewerExpertise?) Decide(CurrentUser user, Guid personId, ReviewPerson? person, SetExpertise command, DateTimeOffset now)
    {
        var boards = person is null ? [] : ServedBoards(person);
        if (person is null || boards.Count == 0) return (Problems.NotFound("Không tìm thấy người thẩm định (thành viên hoặc chuyên gia của một Ban)."), null);
        var allowed = user.Id == personId || user.IsAdmin || user.UnitsFor(Roles.BoardSecretary).Any(boards.Contains);
        if (!allowed) return (Problems.Forbidden("Chỉ người thẩm định, thư ký Ban của họ hoặc quản trị được sửa lĩnh vực am hiểu."), null);
        var fields = (command.Fields ?? []).Select(f => VietnameseText.Clean(f).ToLowerInvariant()).Where(f => f.Length > 0).Distinct().ToList();
        var errors = new Errors()
            .Add(fields.Count > MaxFields, "fields", $"Tối đa {MaxFields} lĩnh vực.")
            .Add(fields.Any(f => f.Length > MaxCode), "fields", $"Mã lĩnh vực không quá {MaxCode} ký tự.");
        if (!errors.Ok) return (Problems.Validation(errors), null);
        return (Results.Ok(new ExpertiseSaved(personId, fields)), new ReviewerExpertise { Id = personId, Fields = fields, UpdatedBy = user.Id, UpdatedAt = now });
    }

    static List<Guid> ServedBoards(ReviewPerson p) => p.Roles
        .Where(k => k.StartsWith(Roles.BoardMember + "@") || k.StartsWith(Roles.Expert + "@"))
        .Select(k => Guid.TryParse(k[(k.IndexOf('@') + 1)..], out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).ToList();
}
