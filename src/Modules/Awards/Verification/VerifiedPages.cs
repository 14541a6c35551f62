using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Emulation.Awards.Verification;

/// <summary>The verification page as last rendered for an anonymous visitor (the QR code's reader), kept with the exact
/// stored certificate it was rendered from (ADR 0039). Every view still reads the certificate from the database; only
/// when what is stored is byte for byte what the page was made from are the signature check and the rendering skipped,
/// since they would give the same page. A revocation, an alteration of the stored content or anything else that changes
/// the stored certificate changes those bytes, so the next view renders again and shows it at once. Pages for a signed-in
/// user (their name, their menu) are never kept.</summary>
public sealed partial class VerifiedPages
{
    // About 8 KB a page with its certificate; emptied when full, so it holds what visitors open now.
    const int Limit = 4096;

    sealed record Entry(string Stored, byte[] Html, int Status);

    readonly ConcurrentDictionary<Guid, Entry> _pages = new();

    public static bool Anonymous(HttpContext ctx) => ctx.User.Identity?.IsAuthenticated != true;

    public IResult? Find(Guid id, string stored) =>
        _pages.TryGetValue(id, out var entry) && string.Equals(entry.Stored, stored, StringComparison.Ordinal)
            ? new Reply(entry.Html, entry.Status)
            : null;

    /// <summary>Renders the page into the response and keeps a copy without the visitor's anti-forgery token (the page
    /// posts nothing, and a kept page must carry nothing of the visitor it was first made for).</summary>
    public IResult Keep(Guid id, string stored, IResult page) => new Capture(this, id, stored, page);

    void Add(Guid id, string stored, byte[] html, int status)
    {
        if (_pages.Count >= Limit) _pages.Clear();
        var text = Token().Replace(Encoding.UTF8.GetString(html), "<meta name=\"csrf-token\" content=\"\" />", 1);
        _pages[id] = new Entry(stored, Encoding.UTF8.GetBytes(text), status);
    }

    [GeneratedRegex("<meta name=\"csrf-token\" content=\"[^\"]*\"\\s*/?>")]
    private static partial Regex Token();

    sealed class Reply(byte[] html, int status) : IResult
    {
        public Task ExecuteAsync(HttpContext ctx)
        {
            ctx.Response.StatusCode = status;
            ctx.Response.ContentType = "text/html; charset=utf-8";
            // Revocation must show on the next view: browsers and proxies ask again every time.
            ctx.Response.Headers.CacheControl = "no-cache";
            ctx.Response.ContentLength = html.Length;
            return ctx.Response.Body.WriteAsync(html, ctx.RequestAborted).AsTask();
        }
    }

    sealed class Capture(VerifiedPages pages, Guid id, string stored, IResult page) : IResult
    {
        public async Task ExecuteAsync(HttpContext ctx)
        {
            var body = ctx.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpResponseBodyFeature>()!;
            using var buffer = new MemoryStream();
            ctx.Response.Body = buffer;
            try { await page.ExecuteAsync(ctx); }
            finally { ctx.Features.Set(body); }
            var html = buffer.ToArray();
            if (ctx.Response.StatusCode is StatusCodes.Status200OK) pages.Add(id, stored, html, ctx.Response.StatusCode);
            ctx.Response.ContentLength = html.Length;
            await ctx.Response.Body.WriteAsync(html, ctx.RequestAborted);
        }
    }
}
