using Emulation.Kernel.Web;

namespace Emulation.UnitTests;

public sealed class HtmlTests
{
    [Fact]
    public void Values_are_encoded_and_raw_fragments_are_not()
    {
        var name = "<script>alert('x')</script>";
        var inner = Html.Of($"<b>{name}</b>");
        var outer = Html.Of($"<p>{inner}</p>");
        Assert.Equal("<p><b>&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;</b></p>", outer.Value);
        Assert.Equal("Phường 1 &amp; Đông Sơn", Html.Of($"{"Phường 1 & Đông Sơn"}").Value);
    }

    [Fact]
    public void Numbers_and_dates_use_vietnamese_formats()
    {
        Assert.Equal("3.427", Html.Of($"{3427}").Value);
        Assert.Equal("30/06/2023", Html.Of($"{new DateOnly(2023, 6, 30)}").Value);
        Assert.Equal("01/07/2025 07:00", Html.Of($"{new DateTimeOffset(2025, 7, 1, 0, 0, 0, TimeSpan.Zero)}").Value);
    }

    [Fact]
    public void Errors_collects_field_messages()
    {
        var errors = new Errors().Required("", "name", "tên", 10).Required(new string('x', 11), "code", "mã", 10);
        Assert.False(errors.Ok);
        Assert.Equal("Vui lòng nhập tên.", errors["name"].Single());
        Assert.Equal("Mã không được dài quá 10 ký tự.", errors["code"].Single());
    }
}
