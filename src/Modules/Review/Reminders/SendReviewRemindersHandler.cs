using Emulation.Review.Rounds;
using Emulation.Review.SelfAssessment;
using Emulation.Scope;
using Marten;
using Microsoft.Extensions.Options;

namespace Emulation.Review.Reminders;

public static class SendReviewRemindersHandler
{
    public static async Task Handle(SendReviewReminders _, IDocumentSession session, IOptions<ReviewReminderOptions> options, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var rounds = await session.Query<Round>().Where(r => r.State == RoundState.SelfAssessment).ToListAsync();
        if (rounds.Count == 0) return;
        var ids = rounds.Select(r => r.Id).ToArray();
        var submitted = (await session.Query<ModelSelfAssessment>()
                .Where(a => a.RoundId.IsOneOf(ids) && a.State == SelfAssessmentState.Submitted).ToListAsync())
            .Select(a => (a.RoundId, a.ModelId)).ToHashSet();
        var candidates = ReviewReminderRules.ForSelfAssessments(rounds, submitted, Kernel.VietnamClock.VietnamDate(now), options.Value, now).ToList();
        await RoleNotices.InsertNewAsync(session, candidates);
    }
}
