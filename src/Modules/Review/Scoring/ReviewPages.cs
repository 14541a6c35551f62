using Emulation.Kernel.Web;
using Emulation.Review.Assignment;
using Emulation.Review.Ranking;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Emulation.Review.Scoring;

/// <summary>The reviewers' and the secretary's pages (ADR 0022).</summary>
public sealed class ReviewScoringPages : IModulePages
{
    public void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/tham-dinh", ReviewHomePage.Get).RequireAuthorization();
        app.MapGet(LiveTotalScript.Path, LiveTotalScript.Get).RequireAuthorization();
        app.MapGet("/tham-dinh/{id:guid}/phan-cong", AssignmentPage.Get).RequireAuthorization();
        app.MapGet("/tham-dinh/{id:guid}/tien-do", ProgressPage.Get).RequireAuthorization();
        app.MapGet("/tham-dinh/{id:guid}/xep-hang", RankingPage.Get).RequireAuthorization();
        app.MapGet("/tham-dinh/{id:guid}/mo-hinh/{modelId:guid}", ScorecardPage.Get).RequireAuthorization();
    }
}
