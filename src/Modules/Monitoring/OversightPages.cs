using Emulation.Kernel.Web;
using Emulation.Monitoring.Dashboards;
using Emulation.Monitoring.Inspections;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Emulation.Monitoring;

public sealed class OversightPages : IModulePages
{
    public void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/theo-doi/tong-quan", BoardDashboardPage.Get).RequireAuthorization();
        app.MapGet("/theo-doi/don-vi", UnitDashboardPage.Get).RequireAuthorization();
        app.MapGet("/theo-doi/danh-sach", MonitoringListPage.Get).RequireAuthorization();
        app.MapGet("/theo-doi/kiem-tra", InspectionListPage.Get).RequireAuthorization();
        app.MapGet("/theo-doi/kiem-tra/len-lich", InspectionSchedulePage.Get).RequireAuthorization();
        app.MapGet("/theo-doi/kiem-tra/{id:guid}", InspectionDetailPage.Get).RequireAuthorization();
        app.MapGet("/theo-doi/viec-sau-kiem-tra", ActionListPage.Get).RequireAuthorization();
    }
}
