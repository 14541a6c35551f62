using Emulation.Awards.Catalogue;
using Emulation.Awards.Decisions;
using Emulation.Kernel.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Emulation.Awards;

public sealed class AwardsPages : IModulePages
{
    public void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/khen-thuong", AwardsHomePage.Get).RequireAuthorization();
        app.MapGet("/khen-thuong/de-nghi/{roundId:guid}", ProposalPage.Get).RequireAuthorization();
        app.MapGet("/khen-thuong/quyet-dinh/{id:guid}", DecisionPage.Get).RequireAuthorization();
        app.MapGet("/khen-thuong/danh-muc", CataloguePage.Get).RequireAuthorization();
        app.MapGet("/khen-thuong/danh-muc/{code}/vi-tri-in", LayoutPage.Get).RequireAuthorization();
        app.MapGet("/bao-cao-so-ket", Reports.ReportPage.Get).RequireAuthorization();
        app.MapGet("/khen-thuong/nhap-excel", Reports.CommendationImportPage.Get).RequireAuthorization();
        app.MapGet("/khen-thuong/nhap-excel/{id:guid}", Reports.CommendationImportPreviewPage.Get).RequireAuthorization();
    }
}
