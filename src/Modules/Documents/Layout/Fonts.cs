using System.Diagnostics;

namespace Emulation.Documents.Layout;

/// <summary>The four faces of a serif family with Times New Roman's metrics. Liberation Serif is metric-compatible with
/// Times New Roman, so a PDF breaks its lines where Word breaks the same text set in Times New Roman; DejaVu Serif
/// (wider) is the fallback that still covers every Vietnamese letter.</summary>
public sealed record FontFiles(string Family, string Regular, string Bold, string Italic, string BoldItalic)
{
    static readonly string[] Folders = ["/usr/share/fonts/truetype/liberation2", "/usr/share/fonts/truetype/liberation",
        "/usr/share/fonts/liberation", "/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu", "/usr/local/share/fonts"];

    static readonly Lazy<FontFiles> Found = new(Find);

    public static FontFiles Current => Found.Value;

    public string Face(bool bold, bool italic) => (bold, italic) switch
    {
        (true, true) => BoldItalic,
        (true, false) => Bold,
        (false, true) => Italic,
        _ => Regular
    };

    static FontFiles Find() =>
        Lookup("Liberation Serif", "LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf", "LiberationSerif-Italic.ttf", "LiberationSerif-BoldItalic.ttf")
        ?? Lookup("DejaVu Serif", "DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf", "DejaVuSerif-Italic.ttf", "DejaVuSerif-BoldItalic.ttf")
        ?? throw new InvalidOperationException("No serif font for documents: install Liberation Serif (Debian: fonts-liberation2) " +
            "or DejaVu Serif (fonts-dejavu-core); looked in " + string.Join(", ", Folders) + " and asked fc-match.");

    static FontFiles? Lookup(string family, params string[] files)
    {
        var paths = files.Select(f => Folders.Select(d => Path.Combine(d, f)).FirstOrDefault(File.Exists) ?? Ask(family, f)).ToArray();
        return paths.All(p => p is not null) ? new FontFiles(family, paths[0]!, paths[1]!, paths[2]!, paths[3]!) : null;
    }

    // fc-match always answers with some font, so only a file of the expected name counts.
    static string? Ask(string family, string file)
    {
        try
        {
            var style = Path.GetFileNameWithoutExtension(file).Split('-').ElementAtOrDefault(1) ?? "Regular";
            using var process = Process.Start(new ProcessStartInfo("fc-match", ["-f", "%{file}", $"{family}:style={style}"])
                { RedirectStandardOutput = true, RedirectStandardError = true });
            if (process is null) return null;
            var path = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit(5000);
            return Path.GetFileName(path).Equals(file, StringComparison.OrdinalIgnoreCase) && File.Exists(path) ? path : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
