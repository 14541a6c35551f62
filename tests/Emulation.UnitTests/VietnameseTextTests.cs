using System.Text;
using Emulation.Kernel.Text;

namespace Emulation.UnitTests;

public sealed class VietnameseTextTests
{
    [Theory]
    [InlineData("Dân vận khéo", "dan van kheo")]
    [InlineData("ĐƯA MÀU XUỐNG RUỘNG", "dua mau xuong ruong")]
    [InlineData("  Xây dựng   tuyến dân cư\tnông thôn mới kiểu mẫu ", "xay dung tuyen dan cu nong thon moi kieu mau")]
    [InlineData("\"5 không, 3 sạch\"", "5 khong 3 sach")]
    public void Fold_drops_diacritics_case_and_punctuation(string input, string expected) =>
        Assert.Equal(expected, VietnameseText.Fold(input));

    [Fact]
    public void Fold_gives_the_same_key_for_composed_and_decomposed_text() =>
        Assert.Equal(VietnameseText.Fold("Tiết kiệm giúp nhau"), VietnameseText.Fold("Tiết kiệm giúp nhau".Normalize(NormalizationForm.FormD)));

    [Fact]
    public void Clean_composes_and_folds_spaces()
    {
        var cleaned = VietnameseText.Clean("  Mái   ấm tình thương ".Normalize(NormalizationForm.FormD));
        Assert.Equal("Mái ấm tình thương", cleaned);
        Assert.True(cleaned.IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public void Sorting_follows_vietnamese_order()
    {
        string[] names = ["Đông Sơn", "Ánh sáng an ninh", "Dân vận", "Bạc Liêu", "An Xuyên"];
        var sorted = names.Order(VietnameseText.Comparer).ToArray();
        Assert.Equal(["An Xuyên", "Ánh sáng an ninh", "Bạc Liêu", "Dân vận", "Đông Sơn"], sorted);
    }
}
