using System.Text.RegularExpressions;
using Emulation.Kernel.Security;
using Emulation.Kernel.Text;
using Emulation.Kernel.Web;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;
using Wolverine.Marten;
using Microsoft.AspNetCore.Mvc;

namespace Emulation.Registry.Catalog;

public sealed record UpdateCatalog(IReadOnlyList<CatalogEntry>? Fields, IReadOnlyList<CatalogEntry>? Levels, long? Version);

public sealed record CatalogSaved(long Version);

/// <summary>An administrator edits both lists in one form; each added, renamed, deactivated or reactivated entry
/// becomes its own event.</summary>
public static partial class UpdateCatalogEndpoint
{
    /// <summary>The catalog is one stream per deployment; Wolverine loads it by this id.</summary>
    public static Guid CatalogId() => RegistryCatalog.StreamId;

    [WolverinePut("/api/registry/catalog"), Authorize(Policy = Policies.Admin)]
    [ProducesResponseType<CatalogSaved>(StatusCodes.Status200OK)]
    public static (IResult, Events) Put(UpdateCatalog command, [WriteAggregate(Required = false, FromMethod = nameof(CatalogId))] RegistryCatalog? catalog,
        HttpContext ctx, TimeProvider clock, ReferenceData reference)
    {
        var decision = Decide(catalog, command, ctx.CurrentUser().Id, clock.GetUtcNow());
        if (decision.Item2.Count > 0) reference.Invalidate();
        return decision;
    }

    public static (IResult, Events) Decide(RegistryCatalog? current, UpdateCatalog command, Guid by, DateTimeOffset now)
    {
        if (command.Version is null) return (Problems.Validation("version", "Thiếu phiên bản danh mục (version). Hãy tải lại trang và thử lại."), []);
        var before = current ?? RegistryCatalog.Default();
        if (before.Version != command.Version) return (Problems.Conflict(Problems.StaleVersion), []);
        var fields = Clean(command.Fields);
        var levels = Clean(command.Levels);
        var errors = new Errors();
        Check(errors, "fields", "lĩnh vực", fields, before.Fields);
        Check(errors, "levels", "cấp", levels, before.Levels);
        if (!errors.Ok) return (Problems.Validation(errors), []);

        Events events = current is null ? [new CatalogStarted(before.Fields, before.Levels, by, now)] : [];
        events.AddRange(Changes(CatalogList.Fields, before.Fields, fields, by, now));
        events.AddRange(Changes(CatalogList.Levels, before.Levels, levels, by, now));
        return (Results.Ok(new CatalogSaved(before.Version + events.Count)), events);
    }

    static IEnumerable<object> Changes(CatalogList list, IReadOnlyList<CatalogEntry> before, IReadOnlyList<CatalogEntry> after, Guid by, DateTimeOffset now)
    {
        foreach (var entry in after)
        {
            var old = before.FirstOrDefault(b => b.Code == entry.Code);
            if (old is null) { yield return new CatalogEntryAdded(list, entry, by, now); continue; }
            if (old.Name != entry.Name) yield return new CatalogEntryRenamed(list, entry.Code, entry.Name, by, now);
            if (old.Active && !entry.Active) yield return new CatalogEntryDeactivated(list, entry.Code, by, now);
            if (!old.Active && entry.Active) yield return new CatalogEntryReactivated(list, entry.Code, by, now);
        }
    }

    static List<CatalogEntry> Clean(IReadOnlyList<CatalogEntry>? entries) =>
        // A null row (JSON null in the list) is an empty row, ignored like a blank one.
        (entries ?? []).OfType<CatalogEntry>().Where(e => !string.IsNullOrWhiteSpace(e.Code) || !string.IsNullOrWhiteSpace(e.Name))
            .Select(e => new CatalogEntry(VietnameseText.Clean(e.Code).ToLowerInvariant(), VietnameseText.Clean(e.Name), e.Active)).ToList();

    static void Check(Errors errors, string field, string label, List<CatalogEntry> entries, IReadOnlyList<CatalogEntry> before)
    {
        errors.Add(entries.Count is 0 or > 50, field, $"Danh mục {label} cần từ 1 đến 50 mục.");
        errors.Add(entries.Any(e => !CodePattern().IsMatch(e.Code)), field, $"Mã {label} gồm 2-40 chữ thường không dấu, số, gạch ngang.");
        errors.Add(entries.Any(e => e.Name.Length is 0 or > 100), field, $"Tên {label} cần từ 1 đến 100 ký tự.");
        errors.Add(entries.GroupBy(e => e.Code).Any(g => g.Count() > 1), field, $"Mã {label} bị trùng.");
        var removed = before.Select(b => b.Code).Except(entries.Select(e => e.Code)).ToList();
        errors.Add(removed.Count > 0, field, $"Không xóa mục đã có ({string.Join(", ", removed)}); hãy bỏ chọn “đang dùng” để ngừng sử dụng.");
    }

    [GeneratedRegex("^[a-z0-9-]{2,40}$")]
    private static partial Regex CodePattern();
}

public static class CatalogQueries
{
    [WolverineGet("/api/registry/catalog"), Authorize(Policy = Policies.SignedIn)]
    public static Task<RegistryCatalog> Get(IQuerySession session) => RegistryCatalog.LoadAsync(session);
}
