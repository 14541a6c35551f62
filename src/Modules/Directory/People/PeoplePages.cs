using Emulation.Kernel.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Emulation.Directory.People;

public static class PeoplePages
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/quan-tri/nguoi-dung", PersonListPage.Get).RequireAuthorization(Policies.Admin);
        app.MapGet("/quan-tri/nguoi-dung/{id:guid}", PersonDetailPage.Get).RequireAuthorization(Policies.Admin);
    }

    public static IEnumerable<(string, string)> RoleOptions() => Roles.All.Select(r => (r, Roles.Label(r)));
}
