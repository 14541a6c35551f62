using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.DependencyInjection;

namespace Emulation.Kernel.Web;

public static class PagesSetup
{
    public static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>Pages are Razor components rendered on the server (no interactivity, no front-end build).</summary>
    public static IServiceCollection AddPages(this IServiceCollection services)
    {
        services.AddRazorComponents();
        // Encode only what HTML needs (<, >, &, quotes): Vietnamese letters stay readable in the page source
        // instead of becoming &#x1EA7; entities.
        services.AddSingleton(Encoder);
        Inbox.SharedInbox.AddSharedInbox(services);
        return services;
    }
}
