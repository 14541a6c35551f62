using Emulation.Registry.Models;

namespace Emulation.UnitTests;

public sealed class ModelChangesTests
{
    static readonly ModelDetails Draft = new(ModelKind.Model, "Thắp sáng đường quê", null, null, Guid.Empty, "kinh-te", "co-so",
        "Thực trạng", "Mục tiêu", "Cách làm", "Khóm 3", "Hộ dân", null, null, null, 1_000_000m, null, null, null,
        new DateOnly(2026, 2, 1), new DateOnly(2026, 12, 15), [], [new Target("Số km đường có đèn", "km", 0.5m, 4m, null)], null, null, null);

    [Fact]
    public void An_edit_names_what_it_changed_in_the_forms_words()
    {
        var edited = Draft with { Name = "Thắp sáng đường quê (sửa)", Targets = [new Target("Số km đường có đèn", "km", 0.5m, 5m, null)] };
        Assert.Equal(["tên", "chỉ tiêu"], ModelChanges.Between(Draft, edited));
        Assert.Equal("Sửa hồ sơ: tên, chỉ tiêu", ModelChanges.Summary(Draft, edited));
    }

    [Fact]
    public void Saving_without_a_change_says_so()
    {
        var same = Draft with { Targets = [new Target("Số km đường có đèn", "km", 0.5m, 4m, null)] };
        Assert.Equal("Lưu hồ sơ, không thay đổi nội dung", ModelChanges.Summary(Draft, same));
        Assert.Equal("Sửa hồ sơ: kinh phí", ModelChanges.Summary(Draft, Draft with { Budget = 2_000_000m }));
    }
}
