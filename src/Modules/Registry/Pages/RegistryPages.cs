using Emulation.Kernel.Web;
using Microsoft.AspNetCore.Routing;

namespace Emulation.Registry;

public sealed class RegistryPages : IModulePages
{
    public void Map(IEndpointRouteBuilder app)
    {
    }
}

public sealed class RegistryFigures : IHomeFigures
{
    public int Order => 20;
    public Task<IReadOnlyList<Figure>> FiguresAsync(Kernel.Security.CurrentUser user, CancellationToken ct) => Task.FromResult<IReadOnlyList<Figure>>([]);
}
