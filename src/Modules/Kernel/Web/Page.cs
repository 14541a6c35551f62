using Emulation.Kernel.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Emulation.Kernel.Web;

/// <summary>The shared shell every module's page is rendered in: header, navigation, badges, anti-forgery token.</summary>
public static class Page
{
    public static async Task<IResult> Render(HttpContext ctx, string title, RawHtml body, int status = 200)
    {
        var user = ctx.CurrentUser();
        var services = ctx.RequestServices;
        var tokens = services.GetRequiredService<IAntiforgery>().GetAndStoreTokens(ctx);
        var nav = services.GetServices<NavItem>().Where(n => n.Visible(user)).OrderBy(n => n.Order).ToList();
        var path = ctx.Request.Path.Value ?? "/";

        var badges = new List<RawHtml>();
        if (user.IsAuthenticated)
            foreach (var badge in services.GetServices<IHeaderBadge>())
            {
                var count = await badge.CountAsync(user, ctx.RequestAborted);
                badges.Add(Html.Of($"""<a class="badge-link" href="{badge.Href}" data-badge="{badge.Label}">{badge.Label}<span class="badge{(count == 0 ? " zero" : "")}" aria-label="{count} chưa đọc">{count}</span></a>"""));
            }

        var current = nav.Where(n => IsCurrent(path, n.Href)).MaxBy(n => n.Href.Length);
        var navHtml = Html.Join(nav.Select(n => Html.Of(
            $"""<li><a href="{n.Href}"{(n == current ? new RawHtml(" aria-current=\"page\"") : RawHtml.Empty)}>{n.Label}</a></li>""")));

        var account = user.IsAuthenticated
            ? Html.Of($"""
                <div class="account">{Html.Join(badges)}
                  <span class="who" title="{string.Join(", ", user.Assignments.Select(a => Roles.Label(a.Role)).Distinct())}">{user.FullName}</span>
                  <form method="post" action="/dang-xuat"><input type="hidden" name="{tokens.FormFieldName}" value="{tokens.RequestToken}"><button class="link">Đăng xuất</button></form>
                </div>
                """)
            : Html.Of($"""<div class="account"><a href="/dang-nhap">Đăng nhập</a></div>""");

        var html = Html.Of($"""
            <!DOCTYPE html>
            <html lang="vi">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <meta name="csrf-token" content="{tokens.RequestToken}">
              <title>{title} · Dân vận khéo</title>
              <link rel="stylesheet" href="/assets/app.css">
              <script src="/assets/app.js" defer></script>
            </head>
            <body>
              <a class="skip" href="#main">Bỏ qua điều hướng</a>
              <header class="top">
                <a class="brand" href="/">Phong trào thi đua <strong>“Dân vận khéo”</strong></a>
                {account}
              </header>
              {Html.When(nav.Count > 0, Html.Of($"""<nav class="main" aria-label="Điều hướng chính"><ul>{navHtml}</ul></nav>"""))}
              <main id="main" tabindex="-1">
                <h1>{title}</h1>
                {body}
              </main>
              <footer>Hệ thống quản lý mô hình, điển hình “Dân vận khéo” · <a href="/api-docs">Tài liệu API</a></footer>
            </body>
            </html>
            """);
        return Results.Content(html.Value, "text/html; charset=utf-8", statusCode: status);
    }

    static bool IsCurrent(string path, string href) =>
        href == "/" ? path == "/" : path.StartsWith(href, StringComparison.OrdinalIgnoreCase);

    /// <summary>A form the shared script submits as JSON to an API endpoint, showing ProblemDetails inline.</summary>
    public static RawHtml ApiForm(string method, string action, string? onSuccess, RawHtml fields, string submitLabel, string? cssClass = null) =>
        Html.Of($"""
            <form class="api-form {cssClass}" data-method="{method}" data-action="{action}" data-success="{onSuccess}" novalidate>
              <div class="form-error" role="alert" tabindex="-1" hidden></div>
              {fields}
              <div class="actions"><button type="submit">{submitLabel}</button></div>
            </form>
            """);

    public static RawHtml Field(string name, string label, string? value = null, string type = "text", bool required = false,
        int? maxLength = null, string? hint = null, string? dataType = null) =>
        Html.Of($"""
            <label class="field"><span>{label}{Html.When(required, new RawHtml(" <b aria-hidden=\"true\">*</b>"))}</span>
              <input name="{name}" type="{type}" value="{value}"{Attr("required", required)}{(maxLength is { } m ? Html.Of($" maxlength=\"{m.ToString()}\"") : RawHtml.Empty)}{(dataType is null ? RawHtml.Empty : Html.Of($" data-type=\"{dataType}\""))}>
              {Html.When(hint is not null, Html.Of($"""<small>{hint}</small>"""))}
              <em class="field-error" data-for="{name}"></em>
            </label>
            """);

    public static RawHtml TextArea(string name, string label, string? value = null, bool required = false, int rows = 3, int? maxLength = null) =>
        Html.Of($"""
            <label class="field"><span>{label}{Html.When(required, new RawHtml(" <b aria-hidden=\"true\">*</b>"))}</span>
              <textarea name="{name}" rows="{rows.ToString()}"{Attr("required", required)}{(maxLength is { } m ? Html.Of($" maxlength=\"{m.ToString()}\"") : RawHtml.Empty)}>{value}</textarea>
              <em class="field-error" data-for="{name}"></em>
            </label>
            """);

    public static RawHtml Select(string name, string label, IEnumerable<(string Value, string Text)> options, string? selected = null,
        bool required = false, string? emptyText = null) =>
        Html.Of($"""
            <label class="field"><span>{label}{Html.When(required, new RawHtml(" <b aria-hidden=\"true\">*</b>"))}</span>
              <select name="{name}"{Attr("required", required)}>
                {Html.When(emptyText is not null, Html.Of($"""<option value="">{emptyText}</option>"""))}
                {Html.Join(options.Select(o => Html.Of($"""<option value="{o.Value}"{Attr("selected", o.Value == selected)}>{o.Text}</option>""")))}
              </select>
              <em class="field-error" data-for="{name}"></em>
            </label>
            """);

    public static RawHtml Hidden(string name, object? value, string? dataType = null) =>
        Html.Of($"""<input type="hidden" name="{name}" value="{value?.ToString()}"{(dataType is null ? RawHtml.Empty : Html.Of($" data-type=\"{dataType}\""))}>""");

    static RawHtml Attr(string name, bool on) => on ? new RawHtml(" " + name) : RawHtml.Empty;
}
