using Emulation.Kernel;
using Marten;

namespace Emulation.Registry.Catalog;

public sealed record CatalogEntry(string Code, string Name, bool Active = true);

public enum CatalogList { Fields, Levels }

public sealed record CatalogStarted(IReadOnlyList<CatalogEntry> Fields, IReadOnlyList<CatalogEntry> Levels, Guid By, DateTimeOffset At);
public sealed record CatalogEntryAdded(CatalogList List, CatalogEntry Entry, Guid By, DateTimeOffset At);
public sealed record CatalogEntryRenamed(CatalogList List, string Code, string Name, Guid By, DateTimeOffset At);
public sealed record CatalogEntryDeactivated(CatalogList List, string Code, Guid By, DateTimeOffset At);
public sealed record CatalogEntryReactivated(CatalogList List, string Code, Guid By, DateTimeOffset At);

/// <summary>The configurable lists: fields (lĩnh vực) and levels (cấp), one event stream for the deployment.
/// Provinces add their own entries; an entry in use is deactivated, never deleted, so old registrations keep their meaning.</summary>
public sealed partial record RegistryCatalog(Guid Id, IReadOnlyList<CatalogEntry> Fields, IReadOnlyList<CatalogEntry> Levels, long Version,
    DateTimeOffset UpdatedAt)
{
    public static readonly Guid StreamId = new("5f0c3a1e-7b2d-4c8e-9a61-3d2f0e8b7c45");

    public static RegistryCatalog Create(CatalogStarted e) => new(StreamId, e.Fields, e.Levels, 1, e.At);

    public RegistryCatalog Apply(CatalogEntryAdded e) => With(e.List, entries => [.. entries, e.Entry], e.At);
    public RegistryCatalog Apply(CatalogEntryRenamed e) => With(e.List, entries => Change(entries, e.Code, x => x with { Name = e.Name }), e.At);
    public RegistryCatalog Apply(CatalogEntryDeactivated e) => With(e.List, entries => Change(entries, e.Code, x => x with { Active = false }), e.At);
    public RegistryCatalog Apply(CatalogEntryReactivated e) => With(e.List, entries => Change(entries, e.Code, x => x with { Active = true }), e.At);

    RegistryCatalog With(CatalogList list, Func<IReadOnlyList<CatalogEntry>, IReadOnlyList<CatalogEntry>> change, DateTimeOffset at) =>
        list == CatalogList.Fields ? this with { Fields = change(Fields), UpdatedAt = at } : this with { Levels = change(Levels), UpdatedAt = at };

    static IReadOnlyList<CatalogEntry> Change(IReadOnlyList<CatalogEntry> entries, string code, Func<CatalogEntry, CatalogEntry> change) =>
        entries.Select(x => x.Code == code ? change(x) : x).ToList();

    public IReadOnlyList<CatalogEntry> Entries(CatalogList list) => list == CatalogList.Fields ? Fields : Levels;

    /// <summary>What a deployment starts with, before anyone edits the catalog (version 0: no stream yet).</summary>
    public static RegistryCatalog Default() => new(StreamId,
    [
        new("kinh-te", "Kinh tế"),
        new("van-hoa-xa-hoi", "Văn hóa - xã hội"),
        new("quoc-phong-an-ninh", "Quốc phòng - an ninh"),
        new("xay-dung-he-thong-chinh-tri", "Xây dựng hệ thống chính trị"),
        new("nong-thon-moi", "Xây dựng nông thôn mới, đô thị văn minh"),
        new("cai-cach-hanh-chinh", "Cải cách hành chính")
    ], StandardLevels.All.Select(l => new CatalogEntry(l.Code, l.Name)).ToList(), 0, DateTimeOffset.MinValue);

    public string FieldName(string? code) => Fields.FirstOrDefault(f => f.Code == code)?.Name ?? code ?? "";
    public string LevelName(string? code) => Levels.FirstOrDefault(f => f.Code == code)?.Name ?? code ?? "";

    public static async Task<RegistryCatalog> LoadAsync(IQuerySession session) =>
        await session.LoadAsync<RegistryCatalog>(StreamId) ?? Default();
}
