using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Emulation.Host.Platform;

/// <summary>A Vietnamese page that needs nothing but itself: for answers given when the usual layout cannot be
/// drawn (the database is down) or should not be (a rate limit).</summary>
public static class PlainPage
{
    static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static Task Write(HttpContext ctx, string title, string detail, string link, string linkText)
    {
        ctx.Response.ContentType = "text/html; charset=utf-8";
        var (t, d, l, lt) = (Encoder.Encode(title), Encoder.Encode(detail), Encoder.Encode(link), Encoder.Encode(linkText));
        return ctx.Response.WriteAsync($"""
            <!doctype html>
            <html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{t}</title><link rel="stylesheet" href="/assets/app.css"><link rel="icon" href="/assets/favicon.svg" type="image/svg+xml"></head>
            <body><main class="container"><h1>{t}</h1><p>{d}</p><p><a href="{l}">{lt}</a></p></main></body></html>
            """);
    }
}
