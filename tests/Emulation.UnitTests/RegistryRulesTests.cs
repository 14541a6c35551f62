using System.Text;
using Emulation.Registry.Campaigns;
using Emulation.Registry.Catalog;
using Emulation.Registry.Models;
using Emulation.Registry.Units;

namespace Emulation.UnitTests;

public sealed class RegistryRulesTests
{
    static readonly PeriodView Period = new(Guid.NewGuid(), Guid.NewGuid(), "Dân vận khéo 2020-2025", "Sơ kết 2020-2023", PeriodKind.Preliminary,
        new(2020, 1, 1), new(2023, 6, 30), new(2020, 1, 1), new(2022, 12, 31), 2023);

    static ModelDetails Details(params Target[] targets) => new(ModelKind.Model, "Đưa màu xuống ruộng", null, null, Period.Id, "kinh-te", "tinh",
        "Thực trạng", "Mục tiêu", "Cách làm", "Địa bàn", "Hộ nông dân", null, null, null, null, null, null, null,
        new DateOnly(2020, 3, 1), new DateOnly(2023, 6, 30), [], targets, null, null, null);

    static readonly Target Income = new("Thu nhập bình quân hộ", "triệu đồng/năm", 60, 100, new DateOnly(2023, 6, 30));

    [Fact]
    public void A_complete_dossier_in_the_window_passes()
    {
        Assert.True(ModelRules.Check(Details(Income), RegistryCatalog.Default(), Period).Ok);
        Assert.True(ModelRules.Complete(Details(Income), Period, new DateOnly(2021, 5, 1)).Ok);
    }

    [Fact]
    public void Submitting_needs_a_target_and_an_open_window()
    {
        Assert.Contains("targets", ModelRules.Complete(Details(), Period, new DateOnly(2021, 5, 1)).Keys);
        Assert.Contains("periodId", ModelRules.Complete(Details(Income), Period, new DateOnly(2023, 1, 1)).Keys);
    }

    [Fact]
    public void A_target_needs_baseline_value_and_a_due_date_after_the_start()
    {
        var errors = ModelRules.Check(Details(Income with { Baseline = null, DueDate = new DateOnly(2019, 1, 1) }), RegistryCatalog.Default(), Period);
        Assert.Contains("targets[0].baseline", errors.Keys);
        Assert.Contains("targets[0].dueDate", errors.Keys);
        Assert.Contains("targets[0].targetValue", ModelRules.Check(Details(Income with { TargetValue = 60 }), RegistryCatalog.Default(), Period).Keys);
    }

    [Fact]
    public void Unknown_or_inactive_catalog_entries_are_refused()
    {
        var catalog = RegistryCatalog.Default().Apply(new CatalogEntryDeactivated(CatalogList.Fields, "kinh-te", Guid.Empty, DateTimeOffset.UtcNow));
        Assert.Contains("fieldCode", ModelRules.Check(Details(Income), catalog, Period).Keys);
        Assert.Contains("levelCode", ModelRules.Check(Details(Income) with { LevelCode = "xa" }, RegistryCatalog.Default(), Period).Keys);
    }

    [Theory]
    [InlineData(ModelStatus.Draft, "submit", true)]
    [InlineData(ModelStatus.Returned, "edit", true)]
    [InlineData(ModelStatus.Submitted, "accept", true)]
    [InlineData(ModelStatus.Submitted, "edit", false)]
    [InlineData(ModelStatus.Accepted, "withdraw", false)]
    [InlineData(ModelStatus.Draft, "accept", false)]
    [InlineData(ModelStatus.Withdrawn, "submit", false)]
    public void Each_state_allows_its_steps(ModelStatus status, string step, bool allowed) =>
        Assert.Equal(allowed, ModelRules.Refusal(status, step) is null);

    [Fact]
    public void Registry_codes_have_province_year_and_four_digits() =>
        Assert.Equal("CM-2023-0042", ModelRules.Code("CM", 2023, 42));

    [Theory]
    [InlineData("Xây dựng tuyến dân cư nông thôn mới kiểu mẫu", "xay dung  TUYEN dan cu nong thon moi kieu mau")]
    [InlineData("Đổi rác thải nhựa lấy quà!", "đổi rác thải nhựa lấy quà")]
    public void Names_compare_by_their_folded_key(string a, string b) => Assert.Equal(Similarity.Key(a), Similarity.Key(b));

    [Fact]
    public void A_target_cannot_be_negative_nor_due_before_the_period()
    {
        var errors = ModelRules.Check(Details(Income with { Baseline = -1, TargetValue = -5, DueDate = new DateOnly(2019, 12, 31) }) with { StartDate = null },
            RegistryCatalog.Default(), Period);
        Assert.Contains("targets[0].baseline", errors.Keys);
        Assert.Contains("targets[0].targetValue", errors.Keys);
        Assert.Equal(["Thời hạn của chỉ tiêu thứ 1 không được trước ngày bắt đầu kỳ (01/01/2020)."], errors["targets[0].dueDate"]);
        Assert.True(ModelRules.Check(Details(Income with { Baseline = 0 }), RegistryCatalog.Default(), Period).Ok);
    }

    [Fact]
    public void Input_is_stored_in_nfc_and_empty_rows_are_dropped()
    {
        var input = new ModelInput(null, ModelKind.Model, "  Mẹ   đỡ đầu ".Normalize(NormalizationForm.FormD), null, null, Period.Id, "van-hoa-xa-hoi", "tinh",
            null, null, null, null, null, null, null, null, null, null, null, null, null, null,
            [new MilestoneInput(null, " ")], [new TargetInput(" ", null, null, null, null), new TargetInput("Số trẻ", "trẻ", 0, 150, new DateOnly(2023, 1, 1))],
            null, null, null, null);
        var details = input.ToDetails(null);
        Assert.Equal("Mẹ đỡ đầu".Normalize(NormalizationForm.FormC), details.Name);
        Assert.Single(details.Targets);
        Assert.Empty(details.Milestones);
    }
}

public sealed class RegistryUnitTreeTests
{
    static RegistryUnit U(string code, string kind, RegistryUnit? parent, string? covers = null, RegistryUnit? mergedInto = null) =>
        new() { Id = Guid.NewGuid(), Code = code, Name = code, Kind = kind, ParentId = parent?.Id, CoversLevel = covers, Active = mergedInto is null, MergedInto = mergedInto?.Id };

    [Fact]
    public void Boards_subtrees_and_merges()
    {
        var cm = U("CM", "province", null);
        var cmBoard = U("CM-BDV", "board", cm, "tinh");
        var city = U("CM-TP", "district", cm);
        var cityBoard = U("CM-TP-BDV", "board", city, "huyen");
        var p1 = U("CM-P1", "commune", city);
        var bl = U("BL", "province", null, mergedInto: cm);
        var nhaMat = U("BL-NM", "commune", bl);
        var tree = new RegistryUnitTree([cm, cmBoard, city, cityBoard, p1, bl, nhaMat]);

        Assert.Equal(cityBoard.Id, tree.BoardFor(p1.Id, "huyen")!.Id);
        Assert.Equal(cmBoard.Id, tree.BoardFor(p1.Id, "tinh")!.Id);
        Assert.Null(tree.BoardFor(p1.Id, "co-so"));
        Assert.Equal(cmBoard.Id, tree.BoardFor(nhaMat.Id, "tinh")!.Id);
        Assert.Contains(nhaMat.Id, tree.Subtree(cm.Id));
        Assert.DoesNotContain(cm.Id, tree.Subtree(city.Id));
        Assert.Equal(cm.Id, tree.Province(nhaMat.Id)!.Id);
        Assert.Equal(tree.Subtree(city.Id), tree.CoveredBy(cityBoard.Id));
    }
}
