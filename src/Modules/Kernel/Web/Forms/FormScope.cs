using Microsoft.AspNetCore.Http;

namespace Emulation.Kernel.Web.Forms;

/// <summary>Gives each form on a page its own id prefix, so two forms with a "reason" field do not share ids
/// and each error stays tied to its own input.</summary>
public sealed class FormScope(string prefix)
{
    public string IdFor(string name) => prefix + "-" + name;

    public static FormScope Next(HttpContext? ctx)
    {
        var n = ctx?.Items["form-count"] is int i ? i + 1 : 1;
        if (ctx is not null) ctx.Items["form-count"] = n;
        return new FormScope("f" + n);
    }
}
