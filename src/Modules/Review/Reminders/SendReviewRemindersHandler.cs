using Emulation.Review.Assignment;
using Emulation.Review.Rounds;
using Emulation.Review.Scoring;
using Emulation.Review.SelfAssessment;
using Emulation.Review.Units;
using Emulation.Scope;
using Marten;
using Microsoft.Extensions.Options;
using Wolverine;

namespace Emulation.Review.Reminders;

public static class SendReviewRemindersHandler
{
    sealed record Seat(Guid RoundId, Guid ModelId, Guid ReviewerId);

    public static async Task<OutgoingMessages> Handle(SendReviewReminders _, IDocumentSession session, IOptions<ReviewReminderOptions> options, TimeProvider clock)
    {
        var o = options.Value;
        var now = clock.GetUtcNow();
        var today = Kernel.VietnamClock.VietnamDate(now);
        var rounds = await session.Query<Round>().Where(r => r.State == RoundState.SelfAssessment || r.State == RoundState.Scoring).ToListAsync();
        var candidates = new List<ReviewNotice>();

        var assessing = rounds.Where(r => r.State == RoundState.SelfAssessment).ToList();
        if (assessing.Count > 0)
        {
            var ids = assessing.Select(r => r.Id).ToArray();
            var submitted = (await session.Query<ModelSelfAssessment>()
                    .Where(a => a.RoundId.IsOneOf(ids) && a.State == SelfAssessmentState.Submitted).ToListAsync())
                .Select(a => (a.RoundId, a.ModelId)).ToHashSet();
            candidates.AddRange(ReviewReminderRules.ForSelfAssessments(assessing, submitted, today, o, now));
        }

        var scoring = rounds.Where(r => r.State == RoundState.Scoring).ToList();
        if (scoring.Count > 0)
        {
            var seats = await SeatsAsync(session, scoring.Select(r => r.Id).ToArray());
            var reviewers = seats.Select(s => s.ReviewerId).Distinct().ToArray();
            var names = (await session.LoadManyAsync<ReviewPerson>(reviewers)).ToDictionary(p => p.Id, p => p.FullName);
            candidates.AddRange(ScoringReminderRules.ForReviewers(scoring, seats, today, o, now));
            var headed = new HashSet<Guid>();
            foreach (var board in scoring.Select(r => r.BoardId).Distinct())
            {
                var head = PersonCopy.Key(Roles.Approver, board);
                if (await session.Query<ReviewPerson>().AnyAsync(p => p.Active && p.Roles.Contains(head))) headed.Add(board);
            }
            candidates.AddRange(ScoringReminderRules.ForMissingScores(scoring, seats, names, headed, today, o, now));
        }

        var messages = new OutgoingMessages();
        foreach (var notice in await RoleNotices.InsertNewAsync(session, candidates))
            if (o.Email.Enabled) messages.Add(new EmailReviewNotice(notice.Id));
        return messages;
    }

    /// <summary>Every reviewer's place on every model of these rounds, with whether their scores are submitted.</summary>
    static async Task<IReadOnlyList<ScoringSeat>> SeatsAsync(IQuerySession session, Guid[] rounds)
    {
        var reviews = await session.Query<ModelReview>().Where(m => m.RoundId.IsOneOf(rounds)).ToListAsync();
        var submitted = (await session.Query<Scorecard>().Where(s => s.RoundId.IsOneOf(rounds) && s.Submitted)
                .Select(s => new Seat(s.RoundId, s.ModelId, s.ReviewerId)).ToListAsync())
            .Select(s => (s.RoundId, s.ModelId, s.ReviewerId)).ToHashSet();
        return reviews.SelectMany(m => m.Reviewers.Select(r => new ScoringSeat(m.RoundId, m.ModelId, r, submitted.Contains((m.RoundId, m.ModelId, r)))))
            .ToList();
    }
}
