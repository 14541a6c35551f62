using Emulation.Kernel.Web;

namespace Emulation.Host.Platform;

/// <summary>The home page: each module's figures, as the signed-in person may see them.</summary>
public static class HomePage
{
    public static async Task<IResult> Render(HttpContext ctx, IEnumerable<IHomeFigures> sources, IEnumerable<NavItem> nav)
    {
        var user = ctx.CurrentUser();
        var figures = new List<Figure>();
        foreach (var source in sources.OrderBy(s => s.Order)) figures.AddRange(await source.FiguresAsync(user, ctx.RequestAborted));
        var links = nav.Where(n => n.Visible(user) && n.Href != "/").OrderBy(n => n.Order).ToList();

        return await Page.Render(ctx, "Trang chủ", Html.Of($"""
            <p>Xin chào <strong>{user.FullName}</strong>.</p>
            <section class="cards" aria-label="Số liệu">
              {Html.Join(figures.Select(f => Html.Of($"""
                <div class="card figure"><span class="value">{f.Value}</span>{(f.Href is null ? Html.Of($"{f.Label}") : Html.Of($"""<a href="{f.Href}">{f.Label}</a>"""))}</div>
                """)))}
            </section>
            <h2>Việc bạn có thể làm</h2>
            <ul>{Html.Join(links.Select(l => Html.Of($"""<li><a href="{l.Href}">{l.Label}</a></li>""")))}</ul>
            """));
    }
}
