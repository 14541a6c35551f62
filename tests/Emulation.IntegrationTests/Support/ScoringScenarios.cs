using System.Net;
using System.Text.Json;

namespace Emulation.IntegrationTests.Support;

/// <summary>A round in scoring with reviewers of its board made through the Directory's API, as a secretary would find it.</summary>
public static class ScoringScenarios
{
    public const string Board = "CM-P1-BCD";
    public const string Password = "matkhau123";

    public sealed record Reviewer(Guid Id, string UserName);

    public sealed record ScoringRound(Guid Round, Guid[] Models, Reviewer[] Reviewers, JsonElement Criteria);

    /// <summary>A new person on the board of Phường 1 (a member, or an expert); <paramref name="alsoOfficerAt"/> adds an
    /// officer's role at that unit, which makes them conflicted with its models.</summary>
    public static async Task<Reviewer> NewReviewer(this AppFixture app, string role = "board-member", string? alsoOfficerAt = null)
    {
        using var admin = await app.As("quantri");
        var userName = DirectoryScenarios.Unique("thamdinh");
        var roles = new List<(string, Guid?)> { (role, await admin.UnitId(Board)) };
        if (alsoOfficerAt is not null) roles.Add(("officer", await admin.UnitId(alsoOfficerAt)));
        var id = await admin.CreatePerson(userName, "Người Thẩm Định " + userName[^4..], Password, [.. roles]);
        return new Reviewer(id, userName);
    }

    /// <summary>Reviewers reach Review through the Directory's feed: wait until the round's board lists them all.</summary>
    public static async Task WaitForReviewers(this Api secretary, Guid round, params Reviewer[] reviewers)
    {
        for (var i = 0; i < 200; i++)
        {
            var listed = (await secretary.Get($"/api/review/rounds/{round}/assignments")).Expect(HttpStatusCode.OK).Body
                .GetProperty("reviewers").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).ToHashSet();
            if (reviewers.All(r => listed.Contains(r.Id))) return;
            await Task.Delay(50);
        }
        throw new TimeoutException("reviewers did not reach Review's copy of people");
    }

    /// <summary>A round over <paramref name="models"/> fresh models of Phường 1, moved to scoring, with new reviewers.</summary>
    public static async Task<ScoringRound> RoundInScoring(this AppFixture app, int models, int reviewers, string? conflictedAt = null)
    {
        var (round, _, ids) = await app.DraftRound(models);
        var people = new List<Reviewer>();
        for (var i = 0; i < reviewers; i++) people.Add(await app.NewReviewer());
        using var secretary = await app.As(ReviewScenarios.Secretary);
        await secretary.WaitForReviewers(round, [.. people]);
        (await secretary.Move(round, "self-assessment", 1)).Expect(HttpStatusCode.OK);
        (await secretary.Move(round, "scoring", 2)).Expect(HttpStatusCode.OK);
        var criteria = (await secretary.Get($"/api/review/rounds/{round}")).Expect(HttpStatusCode.OK).Body.GetProperty("criteria");
        return new ScoringRound(round, ids, [.. people], criteria);
    }

    public static Task<Reply> Assign(this Api secretary, Guid round, Guid[] models, params Guid[] reviewers) =>
        secretary.Post($"/api/review/rounds/{round}/assignments", new { modelIds = models, reviewerIds = reviewers });

    /// <summary>Every criterion scored at the same share of its maximum (0 to 1).</summary>
    public static Dictionary<string, object?> Share(this ScoringRound r, decimal share) => r.Criteria.EnumerateArray()
        .ToDictionary(c => c.GetProperty("code").GetString()!, c => (object?)Math.Round(c.GetProperty("maxPoints").GetDecimal() * share, 2));

    public static Task<Reply> Score(this Api reviewer, Guid round, Guid model, Dictionary<string, object?> scores, bool submit, long? version = null,
        string? toUnit = null, string? toBoard = null) =>
        reviewer.Post($"/api/review/rounds/{round}/models/{model}/scorecard", new { scores, toUnit, toBoard, submit, version });
}
