using Emulation.Directory.Units;
using Emulation.Kernel;

namespace Emulation.UnitTests;

public sealed class UnitRulesTests
{
    static readonly DateTimeOffset Now = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    static readonly DateOnly Since = new(2020, 1, 1);

    static Unit U(string code, UnitKind kind, Unit? parent, string? covers = null) =>
        Unit.Create(new UnitRegistered(Guid.NewGuid(), code, "Đơn vị " + code, kind, parent?.Id, covers, Since, Guid.Empty, Now));

    readonly Unit _province, _district, _commune, _otherCommune, _board;
    readonly UnitTree _tree;

    public UnitRulesTests()
    {
        _province = U("CM", UnitKind.Province, null);
        _district = U("CM-UM", UnitKind.District, _province);
        _commune = U("CM-KH", UnitKind.Commune, _district);
        _otherCommune = U("CM-TH", UnitKind.Commune, _province);
        _board = U("CM-BDV", UnitKind.Board, _province, StandardLevels.Province);
        _tree = new UnitTree([_province, _district, _commune, _otherCommune, _board]);
    }

    [Fact]
    public void A_commune_registers_under_a_district_or_province_only()
    {
        Assert.True(UnitRules.Register(_tree, "CM-X", "Xã X", UnitKind.Commune, _district.Id, null).Ok);
        Assert.True(UnitRules.Register(_tree, "CM-Y", "Xã Y", UnitKind.Commune, _province.Id, null).Ok);
        Assert.False(UnitRules.Register(_tree, "CM-Z", "Xã Z", UnitKind.Commune, _commune.Id, null).Ok);
        Assert.False(UnitRules.Register(_tree, "CM-Z", "Xã Z", UnitKind.Commune, null, null).Ok);
        Assert.False(UnitRules.Register(_tree, "HN", "Hà Nội", UnitKind.Province, _province.Id, null).Ok);
    }

    [Fact]
    public void Codes_are_unique_and_well_formed()
    {
        Assert.Contains("code", UnitRules.Register(_tree, "cm-kh", "Trùng", UnitKind.Commune, _district.Id, null).Keys);
        Assert.Contains("code", UnitRules.Register(_tree, "Có dấu", "X", UnitKind.Commune, _district.Id, null).Keys);
    }

    [Fact]
    public void Every_mistake_of_a_new_unit_is_named_at_once_not_one_after_the_other()
    {
        // A mistyped code, no parent and no level for a board: the administrator fixes all three in one go.
        var errors = UnitRules.Register(_tree, "bdv thu", "Ban Dân vận thử", UnitKind.Board, null, null);
        Assert.Equal(["code", "coversLevel", "parentId"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_board_must_say_which_level_it_covers() =>
        Assert.Contains("coversLevel", UnitRules.Register(_tree, "CM-UM-BDV", "Ban Dân vận", UnitKind.Board, _district.Id, null).Keys);

    [Fact]
    public void A_board_covers_a_level_in_use_in_the_catalog_and_the_standard_ones_when_none_is_given()
    {
        IReadOnlyList<CatalogLevel> levels = [new("tinh", "Cấp tỉnh", true), new("cap-ap", "Cấp ấp, khóm", true), new("huyen", "Cấp huyện", false)];
        Assert.True(UnitRules.Register(_tree, "CM-UM-BCD", "Ban Chỉ đạo", UnitKind.Board, _district.Id, "cap-ap", levels).Ok);
        var retired = UnitRules.Register(_tree, "CM-UM-BCD", "Ban Chỉ đạo", UnitKind.Board, _district.Id, "huyen", levels);
        Assert.Equal("Cấp “huyen” không có trong danh sách cấp đang dùng: Cấp tỉnh, Cấp ấp, khóm.", Assert.Single(retired["coversLevel"]));
        Assert.Contains("coversLevel", UnitRules.Register(_tree, "CM-UM-BCD", "Ban Chỉ đạo", UnitKind.Board, _district.Id, "cap-ap").Keys);
        Assert.True(UnitRules.Register(_tree, "CM-UM-BCD", "Ban Chỉ đạo", UnitKind.Board, _district.Id, "huyen").Ok);
    }

    [Fact]
    public void A_unit_cannot_move_under_itself_or_its_descendants()
    {
        Assert.False(UnitRules.Move(_tree, _district, _district.Id).Ok);
        Assert.False(UnitRules.Move(_tree, _province, _commune.Id).Ok);
        Assert.True(UnitRules.Move(_tree, _commune, _province.Id).Ok);
    }

    [Fact]
    public void Merging_needs_another_active_unit_of_the_same_kind()
    {
        Assert.True(UnitRules.Merge(_tree, _commune, _otherCommune.Id).Ok);
        Assert.False(UnitRules.Merge(_tree, _commune, _commune.Id).Ok);
        Assert.False(UnitRules.Merge(_tree, _commune, _district.Id).Ok);
        Assert.False(UnitRules.Merge(_tree, _district, _commune.Id).Ok);
        var merged = _commune.Apply(new UnitMerged(_commune.Id, _otherCommune.Id, Since, null, Guid.Empty, Now));
        Assert.False(UnitRules.Merge(new UnitTree([_province, _district, merged, _otherCommune]), merged, _otherCommune.Id).Ok);
    }

    [Fact]
    public void A_renamed_unit_answers_with_the_name_it_had_on_a_date()
    {
        var renamed = _commune.Apply(new UnitRenamed(_commune.Id, "Xã Khánh Hội Mới", new DateOnly(2025, 7, 1), null, Guid.Empty, Now));
        Assert.Equal("Xã Khánh Hội Mới", renamed.Name);
        Assert.Equal("Đơn vị CM-KH", renamed.NameOn(new DateOnly(2023, 12, 31)));
        Assert.Equal("Xã Khánh Hội Mới", renamed.NameOn(new DateOnly(2025, 7, 1)));
        Assert.False(UnitRules.Rename(renamed, "Tên khác", new DateOnly(2025, 1, 1)).Ok);
    }
}
