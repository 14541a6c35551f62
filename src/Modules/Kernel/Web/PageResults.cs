using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Emulation.Kernel.Web;

public static class PageResults
{
    /// <summary>A page component rendered on the server as a whole HTML document, without interactivity.</summary>
    public static IResult Render<TPage>(object? parameters = null, int status = StatusCodes.Status200OK) where TPage : IComponent =>
        new RazorComponentResult<TPage>(parameters ?? new { }) { StatusCode = status };

    public static Task<IResult> NotFound(HttpContext ctx) => Task.FromResult(Render<NotFoundPage>(status: StatusCodes.Status404NotFound));

    public static Task<IResult> Forbidden(HttpContext ctx) => Task.FromResult(Render<ForbiddenPage>(status: StatusCodes.Status403Forbidden));
}
