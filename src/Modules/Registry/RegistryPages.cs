using Emulation.Kernel.Security;
using Emulation.Kernel.Web;
using Emulation.Registry.Campaigns;
using Emulation.Registry.Catalog;
using Emulation.Registry.Import;
using Emulation.Registry.Reminders;
using Emulation.Registry.Models;
using Emulation.Registry.Units;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Emulation.Registry;

public sealed class RegistryPages : IModulePages
{
    public void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/mo-hinh", ModelListPage.Get).RequireAuthorization();
        app.MapGet("/mo-hinh/thong-ke", ModelStatisticsPage.Get).RequireAuthorization();
        app.MapGet("/mo-hinh/cho-duyet", ModelQueuePage.Get).RequireAuthorization();
        app.MapGet("/mo-hinh/dang-ky", ModelFormPage.New).RequireAuthorization();
        app.MapGet("/mo-hinh/{id:guid}", ModelDetailPage.Get).RequireAuthorization();
        app.MapGet("/mo-hinh/nhap-excel", ImportPage.Get).RequireAuthorization();
        app.MapGet("/mo-hinh/nhap-excel/{id:guid}", ImportPreviewPage.Get).RequireAuthorization();
        app.MapGet("/mo-hinh/{id:guid}/sua", ModelFormPage.Edit).RequireAuthorization();
        app.MapGet("/quan-tri/dot-thi-dua", CampaignsPage.Get).RequireAuthorization();
        app.MapGet("/quan-tri/danh-muc", CatalogPage.Get).RequireAuthorization(Policies.Admin);
    }
}

/// <summary>Home page figures: the models this person can see, by status.</summary>
public sealed class RegistryFigures(IServiceProvider services) : IHomeFigures
{
    public int Order => 20;

    public async Task<IReadOnlyList<Figure>> FiguresAsync(CurrentUser user, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var session = scope.ServiceProvider.GetRequiredService<IQuerySession>();
        var access = new RegistryAccess(user, await scope.ServiceProvider.GetRequiredService<UnitDirectory>().TreeAsync(ct));
        Task<int> Count(ModelStatus? status) =>
            ModelQueries.Filtered(session, access, new ModelFilter(null, null, null, null, status, null, null, null, 1, 1)).CountAsync(ct);
        return
        [
            new("Mô hình, điển hình", await Count(null), "/mo-hinh"),
            new("Đã công nhận đăng ký", await Count(ModelStatus.Accepted), "/mo-hinh?status=Accepted"),
            new("Chờ Ban xem xét", await Count(ModelStatus.Submitted), "/mo-hinh?status=Submitted")
        ];
    }
}
