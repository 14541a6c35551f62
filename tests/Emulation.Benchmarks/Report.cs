using System.Text;

namespace Emulation.Benchmarks;

/// <summary>The table printed and written to .artifacts/bench-results.md; a goal is marked met or not met from the figure.</summary>
public sealed class Report
{
    readonly StringBuilder _text = new();

    public void Line(string text) { Console.WriteLine(text); _text.AppendLine(text); }

    public void Row(string what, string measured, string goal = "", bool? met = null) =>
        Line($"| {what} | {measured} | {goal}{(met is null ? "" : met.Value ? " — met" : " — **not met**")} |");

    public async Task SaveAsync()
    {
        System.IO.Directory.CreateDirectory(".artifacts");
        await File.WriteAllTextAsync(".artifacts/bench-results.md", _text.ToString());
        Console.WriteLine("\nWritten to .artifacts/bench-results.md");
    }
}
