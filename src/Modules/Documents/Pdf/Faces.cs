using System.Text;
using Emulation.Documents.Layout;
using SkiaSharp;
using SkiaSharp.HarfBuzz;

namespace Emulation.Documents.Pdf;

/// <summary>A word (or a piece of one in another style) shaped by HarfBuzz: glyph ids with their offsets from the
/// piece's start, and the UTF-8 text with clusters so the PDF maps glyphs back to the exact Vietnamese letters.</summary>
sealed record Shaped(int Face, float Size, ushort[] Glyphs, SKPoint[] Positions, float Width, byte[] Utf8, uint[] Clusters);

/// <summary>The four faces loaded once per process; shaping results cached for one rendering, and the glyphs it used
/// recorded so the embedded fonts can be subset.</summary>
sealed class Faces
{
    static readonly Lazy<Face[]> Loaded = new(() =>
    {
        var files = FontFiles.Current;
        return [Load(files.Regular), Load(files.Bold), Load(files.Italic), Load(files.BoldItalic)];
    });

    sealed record Face(byte[] Bytes, SKTypeface Typeface, SKShaper Shaper, Lock Gate);

    static Face Load(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var typeface = SKTypeface.FromData(SKData.CreateCopy(bytes)) ?? throw new InvalidOperationException($"Cannot read the font {path}.");
        return new Face(bytes, typeface, new SKShaper(typeface), new Lock());
    }

    readonly Dictionary<(int, float, string), Shaped> _cache = [];
    readonly HashSet<uint>[] _glyphs = [[], [], [], []];
    readonly HashSet<int>[] _codepoints = [[], [], [], []];
    readonly Dictionary<(int, float), SKFont> _fonts = [];
    readonly Dictionary<(int, float), SKFontMetrics> _metrics = [];
    SKTypeface[]? _subset;

    public static int Index(TextStyle style) => (style.Bold == true ? 1 : 0) + (style.Italic == true ? 2 : 0);

    public Shaped Shape(int face, float size, string text)
    {
        if (_cache.TryGetValue((face, size, text), out var done)) return done;
        if (_subset is not null) throw new InvalidOperationException("Text shaped after the fonts were subset.");
        var f = Loaded.Value[face];
        SKShaper.Result result;
        using (var font = new SKFont(f.Typeface, size))
        lock (f.Gate) result = f.Shaper.Shape(text, font);
        var glyphs = result.Codepoints.Select(g => (ushort)g).ToArray();
        foreach (var g in glyphs) _glyphs[face].Add(g);
        foreach (var rune in text.EnumerateRunes()) _codepoints[face].Add(rune.Value);
        var shaped = new Shaped(face, size, glyphs, result.Points, result.Width, Encoding.UTF8.GetBytes(text), result.Clusters);
        _cache[(face, size, text)] = shaped;
        return shaped;
    }

    public SKFontMetrics Metrics(int face, float size)
    {
        if (_metrics.TryGetValue((face, size), out var m)) return m;
        using var font = new SKFont(Loaded.Value[face].Typeface, size);
        font.GetFontMetrics(out m);
        return _metrics[(face, size)] = m;
    }

    /// <summary>Cuts each face down to what was shaped; from here on only drawing.</summary>
    public void Subset() => _subset = Loaded.Value.Select((f, i) =>
        _glyphs[i].Count == 0 ? f.Typeface
        : FontSubset.Cut(f.Bytes, _glyphs[i], _codepoints[i]) is { } cut && SKTypeface.FromData(SKData.CreateCopy(cut)) is { } t ? t : f.Typeface).ToArray();

    public SKFont Font(int face, float size)
    {
        if (_fonts.TryGetValue((face, size), out var font)) return font;
        var typeface = _subset?[face] ?? Loaded.Value[face].Typeface;
        font = new SKFont(typeface, size) { Subpixel = true, Hinting = SKFontHinting.None, LinearMetrics = true };
        return _fonts[(face, size)] = font;
    }

    public void Release()
    {
        foreach (var font in _fonts.Values) font.Dispose();
        if (_subset is null) return;
        foreach (var (t, i) in _subset.Select((t, i) => (t, i)))
            if (t != Loaded.Value[i].Typeface) t.Dispose();
    }
}
