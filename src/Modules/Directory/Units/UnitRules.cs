using System.Text.RegularExpressions;
using Emulation.Kernel.Web;

namespace Emulation.Directory.Units;

/// <summary>The decisions about the unit tree, as pure functions of the tree and the request.</summary>
public static partial class UnitRules
{
    public const int MaxName = 200;
    public const int MaxReason = 500;

    [GeneratedRegex("^[A-Z0-9][A-Z0-9-]{0,19}$")]
    private static partial Regex CodePattern();

    /// <param name="levels">The levels a board may cover: the catalog's levels in use (ADR 0063); the standard ones when
    /// not given.</param>
    public static Errors Register(UnitTree tree, string code, string name, UnitKind kind, Guid? parentId, string? coversLevel,
        IReadOnlyList<CatalogLevel>? levels = null)
    {
        var errors = new Errors()
            .Required(name, "name", "tên đơn vị", MaxName)
            .Add(string.IsNullOrWhiteSpace(code) || !CodePattern().IsMatch(code), "code",
                "Mã đơn vị gồm chữ in hoa không dấu, chữ số và dấu gạch ngang, tối đa 20 ký tự (ví dụ CM-P1).")
            .Add(!Enum.IsDefined(kind), "kind", "Loại đơn vị không hợp lệ.");
        // Every other mistake is named in the same answer (the parent, the board's level), so a form is fixed in one go;
        // only what depends on a known kind waits for it.
        if (!Enum.IsDefined(kind)) return errors;

        errors.Add(!errors.ContainsKey("code") && tree.CodeTaken(code), "code", $"Mã đơn vị “{code}” đã được dùng.");
        var parent = tree.Find(parentId);
        errors.Add(parentId is not null && parent is null, "parentId", "Không tìm thấy đơn vị cấp trên.");
        errors.Add(parent is { Active: false }, "parentId", "Đơn vị cấp trên đã sáp nhập, hãy chọn đơn vị mới.");
        if (parentId is null || parent is not null)
            errors.Add(!UnitKinds.ParentAllowed(kind, parent?.Kind), "parentId", ParentMessage(kind));
        errors.Add(kind == UnitKind.Board && string.IsNullOrWhiteSpace(coversLevel), "coversLevel",
            "Ban Dân vận cần chọn cấp mô hình mà Ban theo dõi.");
        var inUse = (levels ?? BoardLevels.Standard).Where(l => l.Active).ToList();
        // The catalog's codes are at most 40 characters: a longer one is not echoed back whole.
        var shown = coversLevel is { Length: > 40 } ? coversLevel[..40] + "…" : coversLevel;
        errors.Add(kind == UnitKind.Board && !string.IsNullOrWhiteSpace(coversLevel) && inUse.All(l => l.Code != coversLevel), "coversLevel",
            $"Cấp “{shown}” không có trong danh sách cấp đang dùng: {string.Join(", ", inUse.Select(l => l.Name))}.");
        return errors;
    }

    public static Errors Rename(Unit unit, string name, DateOnly effectiveFrom) =>
        new Errors().Required(name, "name", "tên mới", MaxName)
            .Add(!unit.Active, "name", "Đơn vị đã sáp nhập, không thể đổi tên.")
            .Add(unit.Names.Count > 0 && effectiveFrom <= unit.Names.Max(n => n.From), "effectiveFrom",
                $"Ngày áp dụng tên mới phải sau ngày {unit.Names.Max(n => n.From):dd/MM/yyyy} (ngày áp dụng tên hiện tại).");

    public static Errors Move(UnitTree tree, Unit unit, Guid? newParentId)
    {
        var errors = new Errors().Add(!unit.Active, "parentId", "Đơn vị đã sáp nhập, không thể chuyển.");
        var parent = tree.Find(newParentId);
        if (newParentId is not null && parent is null) return errors.Add(true, "parentId", "Không tìm thấy đơn vị cấp trên.");
        if (parent is not null && tree.IsSelfOrDescendant(parent.Id, unit.Id))
            return errors.Add(true, "parentId", "Không thể đặt một đơn vị làm cấp trên của chính nó hoặc trực thuộc đơn vị cấp dưới của nó.");
        errors.Add(parent is { Active: false }, "parentId", "Đơn vị cấp trên đã sáp nhập, hãy chọn đơn vị mới.");
        errors.Add(!UnitKinds.ParentAllowed(unit.Kind, parent?.Kind), "parentId", ParentMessage(unit.Kind));
        return errors;
    }

    public static Errors Merge(UnitTree tree, Unit unit, Guid intoId)
    {
        var errors = new Errors().Add(!unit.Active, "intoUnitId", "Đơn vị này đã sáp nhập trước đó.");
        var into = tree.Find(intoId);
        if (into is null) return errors.Add(true, "intoUnitId", "Không tìm thấy đơn vị tiếp nhận.");
        errors.Add(into.Id == unit.Id, "intoUnitId", "Không thể sáp nhập một đơn vị vào chính nó.");
        errors.Add(into.Id != unit.Id && tree.IsSelfOrDescendant(into.Id, unit.Id), "intoUnitId",
            "Không thể sáp nhập vào một đơn vị trực thuộc đơn vị này.");
        errors.Add(!into.Active, "intoUnitId", "Đơn vị tiếp nhận đã sáp nhập vào đơn vị khác.");
        errors.Add(into.Kind != unit.Kind, "intoUnitId", "Chỉ sáp nhập các đơn vị cùng loại.");
        return errors;
    }

    static string ParentMessage(UnitKind kind) => kind switch
    {
        UnitKind.Province => "Tỉnh, thành phố là cấp cao nhất, không có đơn vị cấp trên.",
        UnitKind.District => "Đơn vị cấp huyện phải trực thuộc một tỉnh, thành phố.",
        UnitKind.Commune => "Xã, phường phải trực thuộc tỉnh, thành phố hoặc đơn vị cấp huyện.",
        _ => "Cần chọn đơn vị cấp trên."
    };
}
