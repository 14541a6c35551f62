using Emulation.Kernel.Web;
using Emulation.Review.Rounds;
using Emulation.Review.Rubrics;
using Emulation.Review.SelfAssessment;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Emulation.Review;

public sealed class ReviewPages : IModulePages
{
    public void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/danh-gia", RoundListPage.Get).RequireAuthorization();
        app.MapGet("/danh-gia/tieu-chi", RubricPage.Get).RequireAuthorization();
        app.MapGet("/danh-gia/{roundId:guid}", RoundPage.Get).RequireAuthorization();
        app.MapGet("/danh-gia/{roundId:guid}/tu-danh-gia/{modelId:guid}", SelfAssessmentPage.Get).RequireAuthorization();
        app.MapGet("/danh-gia/{roundId:guid}/hop-xet", Decisions.MeetingPage.Get).RequireAuthorization();
        app.MapGet("/danh-gia/{roundId:guid}/pheu", Decisions.FunnelPage.Get).RequireAuthorization();
    }
}
