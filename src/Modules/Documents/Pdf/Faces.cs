using System.Text;
using Emulation.Documents.Layout;
using SkiaSharp;
using SkiaSharp.HarfBuzz;

namespace Emulation.Documents.Pdf;

/// <summary>A word (or a piece of one in another style) shaped by HarfBuzz: glyph ids with their offsets from the
/// piece's start, and the UTF-8 text with clusters so the PDF maps glyphs back to the exact Vietnamese letters.</summary>
sealed record Shaped(int Face, float Size, ushort[] Glyphs, SKPoint[] Positions, float Width, byte[] Utf8, uint[] Clusters);

/// <summary>The four faces loaded once per process; shaping results cached for the process (a certificate or a report
/// sets the same few thousand Vietnamese syllables again and again), and the glyphs each rendering used recorded so
/// its embedded fonts can be subset.</summary>
sealed class Faces
{
    static readonly Lazy<Face[]> Loaded = new(() =>
    {
        var files = FontFiles.Current;
        return [Load(files.Regular), Load(files.Bold), Load(files.Italic), Load(files.BoldItalic)];
    });

    sealed record Face(FontSubset.Source Subsettable, SKTypeface Typeface, SKShaper Shaper, Lock Gate);

    static Face Load(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var typeface = SKTypeface.FromData(SKData.CreateCopy(bytes)) ?? throw new InvalidOperationException($"Cannot read the font {path}.");
        return new Face(new FontSubset.Source(bytes), typeface, new SKShaper(typeface), new Lock());
    }

    // Bounded so odd text (long codes, URLs) cannot grow it without end; emptied when full, it refills with what recurs.
    const int SharedLimit = 200_000;
    static readonly System.Collections.Concurrent.ConcurrentDictionary<(int, float, string), Shaped> Shared = new();
    static readonly System.Collections.Concurrent.ConcurrentDictionary<(int, float), SKFontMetrics> SharedMetrics = new();

    readonly Dictionary<(int, float, string), Shaped> _cache = [];
    readonly HashSet<uint>[] _glyphs = [[], [], [], []];
    readonly HashSet<int>[] _codepoints = [[], [], [], []];
    readonly Dictionary<(int, float), SKFont> _fonts = [];
    SKTypeface[]? _subset;
    readonly Lock _gate = new();
    readonly IReadOnlyDictionary<ushort, ushort>?[] _renumbered = new IReadOnlyDictionary<ushort, ushort>?[4];

    public static int Index(TextStyle style) => (style.Bold == true ? 1 : 0) + (style.Italic == true ? 2 : 0);

    /// <summary>Shapes a piece of text and records its glyphs for this rendering; the pages of a long document are
    /// laid out on several threads at once.</summary>
    public Shaped Shape(int face, float size, string text)
    {
        lock (_gate)
        {
            if (_cache.TryGetValue((face, size, text), out var done)) return done;
            if (_subset is not null) throw new InvalidOperationException("Text shaped after the fonts were subset.");
        }
        if (!Shared.TryGetValue((face, size, text), out var shaped))
        {
            shaped = Run(face, size, text);
            if (Shared.Count >= SharedLimit) Shared.Clear();
            Shared[(face, size, text)] = shaped;
        }
        lock (_gate)
        {
            foreach (var g in shaped.Glyphs) _glyphs[face].Add(g);
            foreach (var rune in text.EnumerateRunes()) _codepoints[face].Add(rune.Value);
            _cache[(face, size, text)] = shaped;
        }
        return shaped;
    }

    static Shaped Run(int face, float size, string text)
    {
        var f = Loaded.Value[face];
        SKShaper.Result result;
        using (var font = new SKFont(f.Typeface, size))
        lock (f.Gate) result = f.Shaper.Shape(text, font);
        return new Shaped(face, size, result.Codepoints.Select(g => (ushort)g).ToArray(), result.Points, result.Width, Encoding.UTF8.GetBytes(text), result.Clusters);
    }

    public SKFontMetrics Metrics(int face, float size)
    {
        return SharedMetrics.GetOrAdd((face, size), static key =>
        {
            using var font = new SKFont(Loaded.Value[key.Item1].Typeface, key.Item2);
            font.GetFontMetrics(out var metrics);
            return metrics;
        });
    }

    /// <summary>Cuts each face down to what was shaped; from here on only drawing. A face that cannot be cut is
    /// embedded whole, with its own numbering.</summary>
    public void Subset()
    {
        _subset = new SKTypeface[Loaded.Value.Length];
        for (var i = 0; i < _subset.Length; i++)
        {
            var face = Loaded.Value[i];
            _subset[i] = face.Typeface;
            if (_glyphs[i].Count == 0 || FontSubset.Make(face.Subsettable, _glyphs[i], _codepoints[i]) is not { } cut) continue;
            if (SKTypeface.FromData(SKData.CreateCopy(cut.Font)) is not { } typeface) continue;
            _subset[i] = typeface;
            _renumbered[i] = cut.Glyphs;
        }
    }

    /// <summary>The shaped glyphs in the numbering of the font that is embedded.</summary>
    public ushort[] Glyphs(Shaped text)
    {
        if (_renumbered[text.Face] is not { } map) return text.Glyphs;
        var glyphs = new ushort[text.Glyphs.Length];
        for (var i = 0; i < glyphs.Length; i++) glyphs[i] = map[text.Glyphs[i]];
        return glyphs;
    }

    /// <summary>The font to draw with; the parts of a long document are drawn on several threads at once.</summary>
    public SKFont Font(int face, float size)
    {
        lock (_fonts)
        {
            if (_fonts.TryGetValue((face, size), out var font)) return font;
            var typeface = _subset?[face] ?? Loaded.Value[face].Typeface;
            font = new SKFont(typeface, size) { Subpixel = true, Hinting = SKFontHinting.None, LinearMetrics = true };
            return _fonts[(face, size)] = font;
        }
    }

    public void Release()
    {
        foreach (var font in _fonts.Values) font.Dispose();
        if (_subset is null) return;
        foreach (var (t, i) in _subset.Select((t, i) => (t, i)))
            if (t != Loaded.Value[i].Typeface) t.Dispose();
    }
}
