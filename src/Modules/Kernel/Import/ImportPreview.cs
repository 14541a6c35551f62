namespace Emulation.Kernel.Import;

/// <summary>An upload as its owner reads it before confirming, every module's import alike: the counts by fate, the
/// file's own problems and one page of rows (all, or of one fate).</summary>
public sealed record ImportPreview(Guid Id, string FileName, string OwnerName, DateTimeOffset UploadedAt, DateTimeOffset ExpiresAt,
    FateCounts Counts, IReadOnlyList<RowError> FileErrors, IReadOnlyList<PreviewRow> Rows, int Total,
    DateTimeOffset? ConfirmedAt, ConfirmMode? Mode, FateCounts? Stored, string? Stopped = null)
{
    public static ImportPreview Of(ImportBatch b, RowFate? fate = null, int skip = 0, int take = int.MaxValue)
    {
        var rows = b.Rows.Where(r => fate is null || r.Fate == fate).ToList();
        return new(b.Id, b.FileName, b.OwnerName, b.UploadedAt, b.ExpiresAt, b.Checked, b.FileErrors, rows.Skip(skip).Take(take).ToList(), rows.Count,
            b.ConfirmedAt, b.Mode, b.Stored, b.Stopped);
    }

    /// <summary>The API's page of a preview: every row by default, at most 10,000 a page.</summary>
    public static ImportPreview Page(ImportBatch b, RowFate? fate, int? page, int? pageSize)
    {
        var size = Math.Clamp(pageSize ?? 10_000, 1, 10_000);
        return Of(b, fate, (Math.Clamp(page ?? 1, 1, 100_000) - 1) * size, size);
    }
}

/// <summary>An upload as the list of imports shows it (without the file's bytes): the person's own, or for an
/// administrator everyone's, which is the imports' audit trail.</summary>
public sealed record ImportListed(Guid Id, string FileName, string OwnerName, DateTimeOffset UploadedAt, DateTimeOffset ExpiresAt,
    DateTimeOffset? ConfirmedAt, FateCounts Checked, FateCounts? Stored);
