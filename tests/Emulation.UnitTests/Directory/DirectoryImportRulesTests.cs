using Emulation.Directory.Import;
using Emulation.Directory.People;
using Emulation.Directory.Units;
using Emulation.Kernel.Import;

namespace Emulation.UnitTests;

/// <summary>The Directory workbook's check (ADR 0041) as a pure function of the rows and the stored units and people.</summary>
public sealed class DirectoryImportRulesTests
{
    static readonly DateTimeOffset Now = new(2026, 6, 30, 20, 0, 0, TimeSpan.Zero);
    static readonly Guid Admin = Guid.NewGuid();
    static readonly Unit Province = Unit.Create(new UnitRegistered(Guid.NewGuid(), "CM", "Tỉnh Cà Mau", UnitKind.Province, null, null,
        new DateOnly(2020, 1, 1), Guid.Empty, Now));

    static Dictionary<string, object?> U(string code, string kind, string? parent, string? into = null, object? on = null) => new()
    {
        [DirectoryTemplate.Code] = code, [DirectoryTemplate.Name] = "Đơn vị " + code, [DirectoryTemplate.Kind] = kind,
        [DirectoryTemplate.Parent] = parent, [DirectoryTemplate.From] = "01/01/2020", [DirectoryTemplate.MergedInto] = into, [DirectoryTemplate.MergedOn] = on
    };

    static DirectoryImportCheck Check(IEnumerable<Dictionary<string, object?>> units, IEnumerable<Dictionary<string, object?>>? people = null,
        IEnumerable<Dictionary<string, object?>>? roles = null, IReadOnlyCollection<Unit>? stored = null)
    {
        static List<SheetRow> Rows(SheetSpec spec, IEnumerable<Dictionary<string, object?>>? rows) =>
            (rows ?? []).Select((r, i) => new SheetRow(spec, i + 2, r)).ToList();
        var book = new ImportWorkbook(new Dictionary<string, IReadOnlyList<SheetRow>>
        {
            [DirectoryTemplate.Units] = Rows(DirectoryTemplate.UnitSpec(BoardLevels.Standard), units),
            [DirectoryTemplate.People] = Rows(DirectoryTemplate.PersonSpec, people),
            [DirectoryTemplate.RoleSheet] = Rows(DirectoryTemplate.RoleSpec, roles)
        }, []);
        return DirectoryImport.Check(book, stored ?? [Province], [], "tep.xlsx", Admin, Now);
    }

    static RowPlan Plan(DirectoryImportCheck check, string key) => check.Plans.Single(p => p.Key == key);

    [Fact]
    public void Children_listed_before_their_parents_are_registered_after_them_under_the_parents_new_ids()
    {
        var check = Check([U("X-A", "commune", "X"), U("X-A-1", "agency", "X-A"), U("X", "district", "CM")]);
        Assert.Equal(["X", "X-A", "X-A-1"], check.Plans.Select(p => p.Key));
        Assert.All(check.Plans, p => Assert.Equal(RowFate.New, p.Fate));
        var child = Assert.IsType<UnitRegistered>(Plan(check, "X-A-1").Events.Single());
        Assert.Equal(DirectoryTemplate.UnitId("X-A"), child.ParentId);
        Assert.Equal(new DateOnly(2020, 1, 1), child.EffectiveFrom);
        Assert.Equal(new[] { "Đơn vị", "Đơn vị", "Đơn vị" }, check.Preview().Select(r => r.Sheet));
    }

    [Fact]
    public void A_cycle_of_parents_refuses_every_unit_on_it_and_names_the_cycle()
    {
        var check = Check([U("C1", "agency", "C3"), U("C2", "agency", "C1"), U("C3", "agency", "C2"), U("C4", "agency", "C3")]);
        foreach (var code in new[] { "C1", "C2", "C3" })
            Assert.Contains("Vòng lặp cấp trên", Assert.Single(Plan(check, code).Errors).Reason);
        Assert.Contains("chưa nhập được", Assert.Single(Plan(check, "C4").Errors).Reason);
        Assert.Equal(4, check.Counts.Refused);
    }

    [Fact]
    public void A_merge_refused_after_the_tree_was_built_refuses_what_was_built_on_the_merged_unit()
    {
        // Merging a commune into a district is refused (units merge within one kind) only once every row is registered;
        // the commune's own child was taken before that, and is refused with it on the second pass.
        var check = Check([U("D", "district", "CM"), U("K", "commune", "D", into: "D", on: "01/07/2025"), U("K-1", "agency", "K")],
            roles: [new() { [DirectoryTemplate.UserName] = "canbo.k", [DirectoryTemplate.Role] = "officer", [DirectoryTemplate.RoleUnit] = "K-1" }]);
        Assert.Equal(RowFate.New, Plan(check, "D").Fate);
        Assert.Equal("Chỉ sáp nhập các đơn vị cùng loại.", Assert.Single(Plan(check, "K").Errors).Reason);
        Assert.Equal(RowFate.Refused, Plan(check, "K-1").Fate);
        Assert.Contains("Dòng 3", Plan(check, "K-1").Errors.Single().Reason);
        Assert.Contains(check.Plans.Single(p => p.Row.Sheet == DirectoryTemplate.RoleSheet).Errors, e => e.Column == DirectoryTemplate.RoleUnit);
    }

    [Fact]
    public void Merges_happen_oldest_first_so_a_unit_merged_in_2024_can_take_part_in_a_merge_of_2025()
    {
        var check = Check([U("P", "commune", "CM", into: "Q", on: "01/07/2025"), U("Q", "commune", "CM"), U("R", "commune", "CM", into: "P", on: "01/03/2024")]);
        Assert.All(check.Plans, p => Assert.Equal(RowFate.New, p.Fate));
        var merged = Assert.IsType<UnitMerged>(Plan(check, "R").Events[1]);
        Assert.Equal((DirectoryTemplate.UnitId("P"), new DateOnly(2024, 3, 1)), (merged.IntoUnitId, merged.EffectiveFrom));
        Assert.Contains("Nhập từ Excel: tệp “tep.xlsx”, sheet Đơn vị, dòng 4", merged.Reason);
        Assert.IsType<UnitMerged>(Plan(check, "P").Events[1]);
    }

    [Fact]
    public void A_stored_unit_is_unchanged_renamed_or_moved_and_its_merge_cannot_be_undone()
    {
        var district = Unit.Create(new UnitRegistered(Guid.NewGuid(), "D", "Đơn vị D", UnitKind.District, Province.Id, null, new DateOnly(2020, 1, 1), Guid.Empty, Now));
        var other = Unit.Create(new UnitRegistered(Guid.NewGuid(), "E", "Đơn vị E", UnitKind.District, Province.Id, null, new DateOnly(2020, 1, 1), Guid.Empty, Now));
        var merged = Unit.Create(new UnitRegistered(Guid.NewGuid(), "M", "Đơn vị M", UnitKind.Commune, district.Id, null, new DateOnly(2020, 1, 1), Guid.Empty, Now))
            .Apply(new UnitMerged(Guid.Empty, Guid.Empty, new DateOnly(2025, 7, 1), null, Guid.Empty, Now)) with { MergedInto = district.Id };
        var renamed = U("E", "district", "CM");
        renamed[DirectoryTemplate.Name] = "Thị xã E";
        renamed[DirectoryTemplate.From] = "01/05/2024";
        var check = Check([U("D", "Cấp huyện", "CM"), renamed, U("M", "commune", "D")], stored: [Province, district, other, merged]);
        Assert.Equal(RowFate.Unchanged, Plan(check, "D").Fate);
        var e = Plan(check, "E");
        Assert.Equal(RowFate.Updated, e.Fate);
        Assert.Equal(other.Id, e.StreamId);
        Assert.Equal(new DateOnly(2024, 5, 1), Assert.IsType<UnitRenamed>(e.Events.Single()).EffectiveFrom);
        Assert.Contains("không sửa hay hoàn tác", Assert.Single(Plan(check, "M").Errors).Reason);
    }

    [Fact]
    public void A_new_person_has_no_password_event_and_gets_roles_at_units_of_the_same_file()
    {
        var check = Check([U("B", "board", "CM")], [new() { [DirectoryTemplate.UserName] = "ThuKy.B", [DirectoryTemplate.FullName] = "Trần  Thị Thư" }],
            [new() { [DirectoryTemplate.UserName] = "thuky.b", [DirectoryTemplate.Role] = "Thư ký Ban", [DirectoryTemplate.RoleUnit] = "b" }]);
        // The board needs the level it covers: refused, and the role at it with it.
        Assert.Equal(RowFate.Refused, Plan(check, "B").Fate);
        var person = Plan(check, "thuky.b");
        var registered = Assert.IsType<PersonRegistered>(Assert.Single(person.Events));
        Assert.Equal(("thuky.b", "Trần Thị Thư"), (registered.UserName, registered.FullName));
        Assert.DoesNotContain(check.Plans.SelectMany(p => p.Events), e => e is PasswordSet);
        Assert.Equal(RowFate.Refused, check.Plans.Single(p => p.Row.Sheet == DirectoryTemplate.RoleSheet).Fate);

        var board = U("B", "board", "CM");
        board[DirectoryTemplate.Level] = "cấp tỉnh";
        var fixedCheck = Check([board], [new() { [DirectoryTemplate.UserName] = "thuky.b", [DirectoryTemplate.FullName] = "Trần Thị Thư" }],
            [new() { [DirectoryTemplate.UserName] = "thuky.b", [DirectoryTemplate.Role] = "Thư ký Ban", [DirectoryTemplate.RoleUnit] = "B" }]);
        var granted = Assert.IsType<RoleGranted>(fixedCheck.Plans.Single(p => p.Row.Sheet == DirectoryTemplate.RoleSheet).Events.Single());
        Assert.Equal((DirectoryTemplate.PersonId("thuky.b"), DirectoryTemplate.UnitId("B")), (granted.PersonId, granted.UnitId));
    }
}
