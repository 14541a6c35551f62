using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Emulation.Documents.Pdf;

/// <summary>Joins PDFs written by Skia for consecutive parts of one document into one file, pages in order. Skia writes
/// plain objects one after another, a classic cross-reference table and a trailer naming the catalog and the
/// information dictionary (no object streams, no incremental updates), so the join is arithmetic: each part's objects
/// are renumbered after the previous part's and copied byte for byte (streams untouched; references rewritten only in
/// the dictionary in front of each), each part's page tree hangs under one new root, and a new catalog, table and
/// trailer close the file. The parts' own catalogs are left out; the first part's information dictionary (the title)
/// is the document's.</summary>
static partial class PdfStitch
{
    sealed record Part(byte[] Bytes, List<(int Number, int Start, int End)> Objects, int Size, int Catalog, int Info);

    public static byte[] Join(IReadOnlyList<byte[]> pdfs)
    {
        if (pdfs.Count == 1) return pdfs[0];
        var parts = pdfs.Select(Read).ToList();
        var root = parts.Sum(p => p.Size - 1) + 1;
        var catalog = root + 1;
        using var output = new MemoryStream(pdfs.Sum(p => p.Length) + 4096);
        output.Write([.. "%PDF-1.4\n%"u8, 0xD3, 0xEB, 0xE9, 0xE1, (byte)'\n']);
        var offsets = new long[catalog + 1];
        var kids = new List<int>();
        var pages = 0;
        var shift = 0;
        foreach (var part in parts)
        {
            var tree = Number(Reference().Match(Dictionary(part, part.Catalog), Dictionary(part, part.Catalog).IndexOf("/Pages", StringComparison.Ordinal)));
            pages += Number(Count().Match(Dictionary(part, tree)));
            kids.Add(tree + shift);
            foreach (var (number, start, end) in part.Objects)
            {
                if (number == part.Catalog || (number == part.Info && part != parts[0])) continue;
                offsets[number + shift] = output.Position;
                var span = part.Bytes.AsSpan(start, end - start);
                var stream = span.IndexOf(">> stream\n"u8);
                var head = Encoding.Latin1.GetString(stream >= 0 ? span[..stream] : span);
                var at = shift;
                head = Header().Replace(head, m => $"{Number(m) + at} 0 obj", 1);
                head = Reference().Replace(head, m => $"{Number(m) + at} 0 R");
                if (number == tree) head = head.Replace("<</Type /Pages", $"<</Type /Pages /Parent {root} 0 R", StringComparison.Ordinal);
                output.Write(Encoding.Latin1.GetBytes(head));
                if (stream >= 0) output.Write(span[stream..]);
            }
            shift += part.Size - 1;
        }
        void Write(string text) => output.Write(Encoding.Latin1.GetBytes(text));
        offsets[root] = output.Position;
        Write($"{root} 0 obj\n<</Type /Pages /Count {pages} /Kids [{string.Join(' ', kids.Select(k => $"{k} 0 R"))}]>>\nendobj\n");
        offsets[catalog] = output.Position;
        Write($"{catalog} 0 obj\n<</Type /Catalog /Pages {root} 0 R>>\nendobj\n");
        var xref = output.Position;
        var table = new StringBuilder($"xref\n0 {catalog + 1}\n0000000000 65535 f \n");
        for (var n = 1; n <= catalog; n++)
            table.Append(offsets[n] > 0 ? $"{offsets[n]:D10} 00000 n \n" : "0000000000 65535 f \n");
        table.Append($"trailer\n<</Size {catalog + 1}\n/Root {catalog} 0 R\n/Info {parts[0].Info} 0 R>>\nstartxref\n{xref}\n%%EOF\n");
        Write(table.ToString());
        return output.ToArray();
    }

    static Part Read(byte[] pdf)
    {
        var tail = Encoding.Latin1.GetString(pdf, Math.Max(0, pdf.Length - 64), Math.Min(64, pdf.Length));
        var xref = Number(StartXref().Match(tail));
        var table = Encoding.Latin1.GetString(pdf, xref, pdf.Length - xref);
        var section = Section().Match(table);
        var size = int.Parse(section.Groups[2].Value, CultureInfo.InvariantCulture);
        var entries = Entry().Matches(table, section.Index + section.Length).Take(size).ToList();
        var used = new List<(int Number, int Offset)>();
        for (var n = 0; n < entries.Count; n++)
            if (entries[n].Groups[2].Value == "n") used.Add((n, Number(entries[n])));
        used.Sort((a, b) => a.Offset.CompareTo(b.Offset));
        var objects = used.Select((o, i) => (o.Number, o.Offset, i + 1 < used.Count ? used[i + 1].Offset : xref)).ToList();
        var trailer = table[table.IndexOf("trailer", StringComparison.Ordinal)..];
        int Named(string key) => Number(Reference().Match(trailer, trailer.IndexOf(key, StringComparison.Ordinal)));
        return new Part(pdf, objects, size, Named("/Root"), Named("/Info"));
    }

    static string Dictionary(Part part, int number)
    {
        var (_, start, end) = part.Objects.First(o => o.Number == number);
        var span = part.Bytes.AsSpan(start, end - start);
        var stream = span.IndexOf(">> stream\n"u8);
        return Encoding.Latin1.GetString(stream >= 0 ? span[..stream] : span);
    }

    static int Number(Match m) => m.Success ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)
        : throw new InvalidOperationException("Skia wrote a PDF whose structure the join does not know.");

    [GeneratedRegex(@"(?<![\d.])(\d+) 0 R\b")] private static partial Regex Reference();
    [GeneratedRegex(@"^(\d+) 0 obj")] private static partial Regex Header();
    [GeneratedRegex(@"/Count (\d+)")] private static partial Regex Count();
    [GeneratedRegex(@"startxref\s+(\d+)")] private static partial Regex StartXref();
    [GeneratedRegex(@"xref\s+(\d+) (\d+)\s+")] private static partial Regex Section();
    [GeneratedRegex(@"(\d{10}) \d{5} ([nf])")] private static partial Regex Entry();
}
