using Emulation.Kernel;
using Emulation.Kernel.Security;
using Emulation.Registry.Units;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Emulation.Registry.Campaigns;

public sealed record PeriodView(Guid Id, Guid CampaignId, string CampaignName, string Name, PeriodKind Kind, DateOnly From, DateOnly To,
    DateOnly RegistrationOpens, DateOnly RegistrationCloses, int CodeYear)
{
    public string Label => $"{CampaignName} — {Name}";
    public bool OpenOn(DateOnly day) => RegistrationOpens <= day && day <= RegistrationCloses;
}

public static class Campaigns
{
    public static async Task<IReadOnlyList<Campaign>> AllAsync(IQuerySession session) =>
        (await session.Query<Campaign>().ToListAsync()).OrderByDescending(c => c.StartYear).ThenBy(c => c.Name).ToList();

    public static async Task<IReadOnlyList<PeriodView>> PeriodsAsync(IQuerySession session) =>
        (await AllAsync(session)).SelectMany(c => c.Periods.OrderByDescending(p => p.From).Select(p =>
            new PeriodView(p.Id, c.Id, c.Name, p.Name, p.Kind, p.From, p.To, p.RegistrationOpens, p.RegistrationCloses, p.CodeYear))).ToList();

    /// <summary>Whether this person manages some campaign (administrators and board secretaries).</summary>
    public static bool CanManage(CurrentUser user) => user.IsAdmin || user.Has(Roles.BoardSecretary);

    /// <summary>A board's secretary manages the board's own campaigns; a provincial campaign (run by no board)
    /// is managed by the administrators and the secretaries of a board covering the provincial level.</summary>
    public static bool CanManage(CurrentUser user, Campaign campaign, RegistryUnitTree tree)
    {
        if (user.IsAdmin) return true;
        var boards = user.UnitsFor(Roles.BoardSecretary).ToList();
        return campaign.BoardId is { } board
            ? boards.Contains(board)
            : boards.Any(b => tree.Find(b) is { IsBoard: true, CoversLevel: StandardLevels.Province });
    }

    public const string NotFound = "Không tìm thấy phong trào thi đua.";
}

public static class CampaignQueries
{
    [WolverineGet("/api/registry/campaigns"), Authorize(Policy = Policies.SignedIn)]
    public static Task<IReadOnlyList<Campaign>> List(IQuerySession session) => Campaigns.AllAsync(session);
}
