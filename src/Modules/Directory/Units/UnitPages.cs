using Emulation.Kernel.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Emulation.Directory.Units;

public static class UnitPages
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/quan-tri/don-vi", UnitListPage.Get).RequireAuthorization(Policies.Admin);
        app.MapGet("/quan-tri/don-vi/{id:guid}", UnitDetailPage.Get).RequireAuthorization(Policies.Admin);
        app.MapGet("/quan-tri/nhap-excel", Import.DirectoryImportPage.Get).RequireAuthorization(Policies.Admin);
        app.MapGet("/quan-tri/nhap-excel/{id:guid}", Import.DirectoryImportPreviewPage.Get).RequireAuthorization(Policies.Admin);
    }

    /// <summary>Active units as picker suggestions, named by their whole path so two communes of one name differ.</summary>
    public static IEnumerable<(string, string)> KindOptions() =>
        Enum.GetValues<UnitKind>().Select(k => (k.ToString(), UnitKinds.Label(k)));
}
