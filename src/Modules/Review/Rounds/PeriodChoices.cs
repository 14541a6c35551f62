using Emulation.Review.Models;
using Marten;

namespace Emulation.Review.Rounds;

/// <summary>The periods a round can be opened over, as the feed showed them: the Registry's feed carries the campaign's
/// name but not the period's, so a period is told apart by its accepted models.</summary>
public static class PeriodChoices
{
    public static async Task<IReadOnlyList<(string Value, string Text)>> ForAsync(IQuerySession session, CancellationToken ct)
    {
        var campaigns = await session.Query<ReviewCampaign>().OrderBy(c => c.Name).Take(1000).ToListAsync(ct);
        var counts = (await session.Query<ReviewedModel>().Where(m => m.Status == ModelStatusCodes.Accepted)
                .Select(m => m.PeriodId).ToListAsync(ct))
            .GroupBy(p => p).ToDictionary(g => g.Key, g => g.Count());
        return campaigns
            .SelectMany(c => c.PeriodIds.Select((p, i) => (p.ToString(),
                $"{c.Name} · giai đoạn {i + 1} ({counts.GetValueOrDefault(p)} mô hình đã công nhận)")))
            .ToList();
    }
}
