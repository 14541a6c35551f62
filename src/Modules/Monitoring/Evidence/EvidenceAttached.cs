using Marten.Events.Projections;

namespace Emulation.Monitoring.Evidence;

/// <summary>A file attached to a draft progress report, on the followed model's stream. The SHA-256 is of the bytes
/// stored, so anyone holding the file later can show it is the one the unit sent.</summary>
public sealed record EvidenceAttached(Guid ModelId, Guid ReportId, Guid FileId, string FileName, string ContentType, long Size, string Sha256,
    Guid? ThumbnailId, Guid By, DateTimeOffset At);

/// <summary>A file taken off a draft before it was submitted; its bytes are deleted after the commit.</summary>
public sealed record EvidenceRemoved(Guid ModelId, Guid ReportId, Guid FileId, Guid By, DateTimeOffset At);

/// <summary>One attached file, found by its id for a download and listed by report on the report page.</summary>
public sealed record EvidenceFile(Guid Id, Guid ModelId, Guid ReportId, string FileName, string ContentType, long Size, string Sha256,
    Guid? ThumbnailId, Guid By, DateTimeOffset At)
{
    public bool IsImage => ContentType.StartsWith("image/", StringComparison.Ordinal);
}

/// <summary>Inline, in the attaching transaction: the page shown right after an upload lists the new file.</summary>
public sealed partial class EvidenceFileProjection : EventProjection
{
    public EvidenceFileProjection() => Name = "EvidenceFile";

    public EvidenceFile Create(EvidenceAttached e) =>
        new(e.FileId, e.ModelId, e.ReportId, e.FileName, e.ContentType, e.Size, e.Sha256, e.ThumbnailId, e.By, e.At);

    public void Project(EvidenceRemoved e, Marten.IDocumentOperations ops) => ops.Delete<EvidenceFile>(e.FileId);
}
