using Emulation.Kernel;
using Emulation.Review.Assignment;
using Emulation.Review.Following;
using Emulation.Review.Models;
using Emulation.Review.Rounds;
using Emulation.Review.Rubrics;
using Emulation.Review.Scoring;
using Emulation.Review.SelfAssessment;
using Emulation.Review.Units;
using Emulation.Scope;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Emulation.Review.Seed;

/// <summary>The provincial board's tổng kết over the 2020-2025 models it covers, in scoring: three reviewers on every
/// model (the board member and the two invited experts), nearly every scorecard in, one model where the reviewers
/// disagree and have begun to discuss it (two of them found its gate unmet, so it ranks below the others however it
/// scores), and one model the board member has still to score, so each demo account has
/// its next step: the member scores, the secretary follows the progress, moves to the meeting and decides.</summary>
public sealed class ScoringDemoSeed(ILogger<ScoringDemoSeed> log) : IDemoSeed
{
    public int Order => 42;
    const string Board = "CM-BDV";
    public const string RoundName = "Tổng kết 5 năm phong trào “Dân vận khéo” 2020-2025";

    public async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var feeds = services.GetRequiredService<Feeds>();
        if (!await feeds.WaitUntilCopiedAsync(Feed.Directory, TimeSpan.FromSeconds(60), ct) || !await feeds.WaitUntilCopiedAsync(Feed.Registry, TimeSpan.FromSeconds(60), ct))
            throw new InvalidOperationException("Review scoring demo data: the Directory and Registry feeds did not reach Review within 60 s.");
        var store = services.GetRequiredService<IDocumentStore>();
        await using var session = store.LightweightSession();
        if (await session.Query<Round>().AnyAsync(r => r.Name == RoundName, ct)) return;
        var tree = await services.GetRequiredService<ReviewUnits>().TreeAsync(ct);
        if (tree.ByCode(Board) is not { } board) return;
        var rubric = await session.Query<Rubric>().FirstOrDefaultAsync(r => r.BoardId == board.Id, ct);
        if (rubric is null) return;
        var covered = tree.CoveredBy(board.Id);
        var accepted = (await session.Query<ReviewedModel>().Where(m => m.Status == ModelStatusCodes.Accepted && m.LevelCode == StandardLevels.Province).ToListAsync(ct))
            .Where(m => covered.Contains(m.UnitId) && m.CampaignId is not null).ToList();
        // The sơ kết seed took the period with the most models; this round takes the next (the 2020-2025 tổng kết).
        var models = accepted.GroupBy(m => m.PeriodId).OrderByDescending(g => g.Count()).Skip(1).FirstOrDefault()?.OrderBy(m => m.Code).ToList();
        if (models is null || models.Count < 2) return;
        var people = await session.Query<ReviewPerson>().ToListAsync(ct);
        var records = await FollowedRecords.ForAsync(session, models.Select(m => m.Id).ToList(), ct);
        // The member who is not the secretary first (the demo leaves one model for them), then the invited experts.
        var reviewers = DemoScoring.Reviewers(people, board.Id);
        if (reviewers.Count < 3) return;
        var secretary = people.FirstOrDefault(p => p.Holds(Roles.BoardSecretary, board.Id))?.Id ?? Guid.Empty;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var today = now.VietnamDate();
        var criteria = rubric.Versions[0].Criteria;

        var roundId = Guid.NewGuid();
        var first = models[0];
        session.Events.StartStream<Round>(roundId,
            new RoundCreated(roundId, RoundName, RoundKind.Final, first.CampaignId!.Value, first.CampaignName ?? "", first.PeriodId, board.Id,
                [StandardLevels.Province], rubric.Id, new RoundDates(today.AddDays(-4), today.AddDays(6), today.AddDays(12)), secretary, now.AddDays(-30)),
            new RoundOpened(roundId, rubric.Id, 1, criteria,
                models.Select(m => new CoveredModel(m.Id, m.Name, m.Code, m.UnitId, m.FieldCode, m.LevelCode, m.ProvinceId, m.DistrictId, m.CommuneId)).ToList(),
                secretary, now.AddDays(-29)),
            new ScoringStarted(roundId, secretary, now.AddDays(-3)));
        session.Events.Append(rubric.Id, new RubricVersionFrozen(rubric.Id, 1, roundId, now.AddDays(-29)));

        for (var i = 0; i < models.Count; i++)
        {
            var m = models[i];
            var at = now.AddDays(-3).AddHours(i);
            DemoScoring.Assign(session, roundId, m.Id, reviewers, secretary, at);
            DemoScoring.SelfAssess(session, roundId, m, criteria, records.GetValueOrDefault(m.Id), Guid.Empty, now.AddDays(-6));
            for (var k = 0; k < reviewers.Count; k++)
            {
                // The board member's last model is left for the demo account to score.
                if (i == models.Count - 1 && k == 0) continue;
                // On the disputed model two of the three find no target measured and reached: it fails its gate.
                DemoScoring.Score(session, roundId, m.Id, reviewers[k], criteria, i == 1 && k == 2 ? 0.45m : 0.72m + (i * 3 + k * 5) % 20 / 100m, at.AddHours(2 + k),
                    gatesMet: !(i == 1 && k >= 1));
            }
            if (i == 1) DemoScoring.Disagree(session, roundId, m.Id, reviewers[2], at.AddHours(6));
        }
        await session.SaveChangesAsync(ct);
        log.LogInformation("Review demo data: {Round} in scoring over {Count} models", RoundName, models.Count);
    }
}
