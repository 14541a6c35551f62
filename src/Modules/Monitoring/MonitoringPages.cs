using Emulation.Kernel.Web;
using Emulation.Monitoring.Campaigns;
using Emulation.Monitoring.Following;
using Emulation.Monitoring.Reports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Emulation.Monitoring;

public sealed class MonitoringPages : IModulePages
{
    public void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/theo-doi/{id:guid}", FollowedModelPage.Get).RequireAuthorization();
        app.MapGet("/theo-doi/{id:guid}/bao-cao", ReportFormPage.Get).RequireAuthorization();
        app.MapGet("/theo-doi/lich-bao-cao", SchedulePage.Get).RequireAuthorization();
    }
}
