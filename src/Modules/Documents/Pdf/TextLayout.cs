using System.Globalization;
using System.Text;
using Emulation.Documents.Layout;

namespace Emulation.Documents.Pdf;

sealed record Piece(Shaped Text, bool Underline, SkiaSharp.SKColor Color);

/// <summary>Text between two spaces; it may change style inside ("Số: " then a bold number).</summary>
sealed class Word
{
    public List<Piece> Pieces { get; } = [];
    public float Width => Pieces.Sum(p => p.Text.Width);
    public float SpaceAfter { get; set; }
    public bool LineBreakAfter { get; set; }
}

sealed record Line(List<Word> Words, float Width, float Height, float Baseline, bool Last, float Indent);

/// <summary>Breaks a paragraph into lines on spaces, measuring the shaped words, so Vietnamese syllables (one word
/// each) never split and justified lines stretch only the spaces. The last line and lines ended by a line break keep
/// natural spacing, as in Word.</summary>
static class TextLayout
{
    public static List<Line> Lines(Paragraph paragraph, TextStyle pageStyle, float width, Faces faces, (int Page, int Total) numbers, float scale = 1)
    {
        var baseStyle = paragraph.Style.Over(pageStyle);
        var words = Words(paragraph, baseStyle, faces, numbers, scale);
        var indent = (float)(paragraph.FirstLineIndentMm * Widths.PointsPerMm);
        var lines = new List<Line>();
        var current = new List<Word>();
        float used = 0, available = width - indent;
        var fallbackSize = (float)baseStyle.Size!.Value * scale;

        void Close(bool last)
        {
            lines.Add(Measure(current, used, last, lines.Count == 0 ? indent : 0, fallbackSize, paragraph.LineHeight, faces));
            current = [];
            used = 0;
            available = width;
        }

        foreach (var original in words)
            foreach (var word in FitWord(original, available, width, faces))
            {
                var gap = current.Count == 0 ? 0 : current[^1].SpaceAfter;
                if (current.Count > 0 && used + gap + word.Width > available + 0.01f) Close(false);
                used += (current.Count == 0 ? 0 : current[^1].SpaceAfter) + word.Width;
                current.Add(word);
                if (word.LineBreakAfter) Close(true);
            }
        if (current.Count > 0 || lines.Count == 0) Close(true);
        return lines;
    }

    static Line Measure(List<Word> words, float width, bool last, float indent, float fallbackSize, double factor, Faces faces)
    {
        float ascent = 0, descent = 0, size = 0;
        foreach (var piece in words.SelectMany(w => w.Pieces).DefaultIfEmpty())
        {
            var (face, s) = piece is null ? (0, fallbackSize) : (piece.Text.Face, piece.Text.Size);
            var m = faces.Metrics(face, s);
            ascent = Math.Max(ascent, -m.Ascent);
            descent = Math.Max(descent, m.Descent);
            size = Math.Max(size, s);
        }
        var height = Math.Max(ascent + descent, (float)(size * factor));
        return new Line(words, width, height, (height - ascent - descent) / 2 + ascent, last, indent);
    }

    static List<Word> Words(Paragraph paragraph, TextStyle baseStyle, Faces faces, (int Page, int Total) numbers, float scale)
    {
        var words = new List<Word>();
        var word = new Word();
        foreach (var span in paragraph.Spans)
        {
            var style = span.Style.Over(baseStyle);
            var face = Faces.Index(style);
            // Sizes are rounded to a tenth of a point so shrinking to fit reuses the shaping cache.
            var size = MathF.Round((float)style.Size!.Value * scale, 1);
            var color = SkiaSharp.SKColor.TryParse(style.Color ?? "#000000", out var c) ? c : SkiaSharp.SKColors.Black;
            var text = span.Kind switch
            {
                SpanKind.PageNumber => numbers.Page.ToString(CultureInfo.InvariantCulture),
                SpanKind.TotalPages => numbers.Total.ToString(CultureInfo.InvariantCulture),
                _ => Clean(span.Text)
            };
            var start = 0;
            for (var i = 0; i <= text.Length; i++)
            {
                if (i < text.Length && text[i] is not (' ' or '\n')) continue;
                if (i > start) word.Pieces.Add(new Piece(faces.Shape(face, size, text[start..i]), style.Underline == true, color));
                if (i < text.Length)
                {
                    if (word.Pieces.Count > 0 || text[i] == '\n')
                    {
                        if (text[i] == ' ') word.SpaceAfter = faces.Shape(face, size, " ").Width;
                        else word.LineBreakAfter = true;
                        words.Add(word);
                        word = new Word();
                    }
                }
                start = i + 1;
            }
        }
        if (word.Pieces.Count > 0) words.Add(word);
        return words;
    }

    // Tabs and other controls have no glyph; composed form gives the font's precomposed Vietnamese letters.
    static string Clean(string text) =>
        new string(text.Normalize(NormalizationForm.FormC).Select(c => c == '\t' ? ' ' : c == '\r' ? ' ' : c).Where(c => c == '\n' || !char.IsControl(c)).ToArray());

    /// <summary>A word wider than a whole line (a long code, an address without spaces) is cut between letters
    /// rather than run past the margin.</summary>
    static IEnumerable<Word> FitWord(Word word, float available, float lineWidth, Faces faces)
    {
        if (word.Width <= lineWidth || word.Pieces.Count != 1)
        {
            yield return word;
            yield break;
        }
        var piece = word.Pieces[0];
        var text = Encoding.UTF8.GetString(piece.Text.Utf8);
        var elements = StringInfo.ParseCombiningCharacters(text);
        var from = 0;
        while (from < elements.Length)
        {
            var to = from + 1;
            while (to < elements.Length && Slice(text, elements, from, to + 1) is var next && faces.Shape(piece.Text.Face, piece.Text.Size, next).Width <= lineWidth) to++;
            var part = new Word { SpaceAfter = to == elements.Length ? word.SpaceAfter : 0, LineBreakAfter = to == elements.Length && word.LineBreakAfter };
            part.Pieces.Add(piece with { Text = faces.Shape(piece.Text.Face, piece.Text.Size, Slice(text, elements, from, to)) });
            yield return part;
            from = to;
        }
    }

    static string Slice(string text, int[] elements, int from, int to) =>
        text[elements[from]..(to < elements.Length ? elements[to] : text.Length)];
}
