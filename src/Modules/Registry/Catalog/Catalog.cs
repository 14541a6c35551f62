using Emulation.Kernel;
using Emulation.Kernel.Security;
using Emulation.Kernel.Text;
using Emulation.Kernel.Web;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;

namespace Emulation.Registry.Catalog;

public sealed record CatalogEntry(string Code, string Name, bool Active = true);

/// <summary>The configurable lists: fields (lĩnh vực) and levels (cấp). Provinces add their own entries;
/// an entry in use is deactivated, never deleted, so old registrations keep their meaning.</summary>
public sealed class RegistryCatalog
{
    public const string SingletonId = "catalog";
    public string Id { get; set; } = SingletonId;
    public List<CatalogEntry> Fields { get; set; } = [];
    public List<CatalogEntry> Levels { get; set; } = [];
    public long Version { get; set; } = 1;
    public Guid UpdatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public static RegistryCatalog Default() => new()
    {
        Fields =
        [
            new("kinh-te", "Kinh tế"),
            new("van-hoa-xa-hoi", "Văn hóa - xã hội"),
            new("quoc-phong-an-ninh", "Quốc phòng - an ninh"),
            new("xay-dung-he-thong-chinh-tri", "Xây dựng hệ thống chính trị"),
            new("nong-thon-moi", "Xây dựng nông thôn mới, đô thị văn minh"),
            new("cai-cach-hanh-chinh", "Cải cách hành chính")
        ],
        Levels = StandardLevels.All.Select(l => new CatalogEntry(l.Code, l.Name)).ToList()
    };

    public string FieldName(string? code) => Fields.FirstOrDefault(f => f.Code == code)?.Name ?? code ?? "";
    public string LevelName(string? code) => Levels.FirstOrDefault(f => f.Code == code)?.Name ?? code ?? "";

    public static async Task<RegistryCatalog> LoadAsync(IQuerySession session) =>
        await session.LoadAsync<RegistryCatalog>(SingletonId) ?? Default();
}

public sealed record UpdateCatalog(IReadOnlyList<CatalogEntry>? Fields, IReadOnlyList<CatalogEntry>? Levels, long Version);

public static class CatalogEndpoints
{
    [WolverineGet("/api/registry/catalog"), Authorize(Policy = Policies.SignedIn)]
    public static Task<RegistryCatalog> Get(IQuerySession session) => RegistryCatalog.LoadAsync(session);

    [WolverinePut("/api/registry/catalog"), Authorize(Policy = Policies.Admin)]
    public static async Task<IResult> Put(UpdateCatalog command, IDocumentSession session, HttpContext ctx, TimeProvider clock, ReferenceData reference)
    {
        var current = await RegistryCatalog.LoadAsync(session);
        if (current.Version != command.Version) return Problems.Conflict(Problems.StaleVersion);
        var fields = Clean(command.Fields);
        var levels = Clean(command.Levels);
        var errors = new Errors();
        Check(errors, "fields", "lĩnh vực", fields, current.Fields);
        Check(errors, "levels", "cấp", levels, current.Levels);
        if (!errors.Ok) return Problems.Validation(errors);

        current.Fields = fields;
        current.Levels = levels;
        current.Version++;
        current.UpdatedBy = ctx.CurrentUser().Id;
        current.UpdatedAt = clock.GetUtcNow();
        session.Store(current);
        reference.Invalidate();
        return Results.Ok(current);
    }

    static List<CatalogEntry> Clean(IReadOnlyList<CatalogEntry>? entries) =>
        (entries ?? []).Where(e => !string.IsNullOrWhiteSpace(e.Code) || !string.IsNullOrWhiteSpace(e.Name))
            .Select(e => new CatalogEntry(VietnameseText.Clean(e.Code).ToLowerInvariant(), VietnameseText.Clean(e.Name), e.Active)).ToList();

    static void Check(Errors errors, string field, string label, List<CatalogEntry> entries, List<CatalogEntry> before)
    {
        errors.Add(entries.Count is 0 or > 50, field, $"Danh mục {label} cần từ 1 đến 50 mục.");
        errors.Add(entries.Any(e => !System.Text.RegularExpressions.Regex.IsMatch(e.Code, "^[a-z0-9-]{2,40}$")), field,
            $"Mã {label} gồm 2-40 chữ thường không dấu, số, gạch ngang.");
        errors.Add(entries.Any(e => e.Name.Length is 0 or > 100), field, $"Tên {label} cần từ 1 đến 100 ký tự.");
        errors.Add(entries.GroupBy(e => e.Code).Any(g => g.Count() > 1), field, $"Mã {label} bị trùng.");
        var removed = before.Select(b => b.Code).Except(entries.Select(e => e.Code)).ToList();
        errors.Add(removed.Count > 0, field, $"Không xóa mục đã có ({string.Join(", ", removed)}); hãy bỏ chọn “đang dùng” để ngừng sử dụng.");
    }
}
