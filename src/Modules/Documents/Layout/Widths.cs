namespace Emulation.Documents.Layout;

static class Widths
{
    public const double PointsPerMm = 72 / 25.4;

    /// <summary>Fixed columns keep their millimetres; relative ones share what is left by their weights.</summary>
    public static double[] Resolve(IReadOnlyList<ColumnWidth> columns, double availableMm)
    {
        var fixedSum = columns.Where(c => !c.Relative).Sum(c => c.Value);
        var shares = columns.Where(c => c.Relative).Sum(c => c.Value);
        var left = Math.Max(0, availableMm - fixedSum);
        return columns.Select(c => c.Relative ? (shares > 0 ? left * c.Value / shares : 0) : c.Value).ToArray();
    }
}
