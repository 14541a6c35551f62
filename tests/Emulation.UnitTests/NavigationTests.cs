using Emulation.Kernel.Web;

namespace Emulation.UnitTests;

/// <summary>Which menu entry a page marks as the current one.</summary>
public sealed class NavigationTests
{
    static readonly IReadOnlyList<NavItem> Menu =
    [
        new("/mo-hinh", "Mô hình, điển hình", 20, _ => true),
        new("/mo-hinh/thong-ke", "Thống kê", 23, _ => true),
        new("/theo-doi/danh-sach", "Theo dõi mô hình", 32, _ => true, ["/theo-doi/"]),
        new("/theo-doi/kiem-tra", "Kiểm tra, giám sát", 33, _ => true, ["/theo-doi/viec-sau-kiem-tra"]),
    ];

    [Theory]
    [InlineData("/mo-hinh/6f1c2d3e-0000-4000-8000-000000000001", "Mô hình, điển hình")]
    [InlineData("/mo-hinh/thong-ke", "Thống kê")]
    [InlineData("/theo-doi/danh-sach", "Theo dõi mô hình")]
    [InlineData("/theo-doi/6f1c2d3e-0000-4000-8000-000000000001", "Theo dõi mô hình")]
    [InlineData("/theo-doi/6f1c2d3e-0000-4000-8000-000000000001/bao-cao", "Theo dõi mô hình")]
    [InlineData("/theo-doi/kiem-tra/len-lich", "Kiểm tra, giám sát")]
    [InlineData("/theo-doi/viec-sau-kiem-tra", "Kiểm tra, giám sát")]
    public void A_page_without_an_entry_of_its_own_marks_the_entry_it_is_reached_from(string path, string expected) =>
        Assert.Equal(expected, NavItem.Current(Menu, path)?.Label);

    [Fact]
    public void A_page_outside_every_entry_marks_none_and_the_home_entry_only_the_home_page()
    {
        Assert.Null(NavItem.Current(Menu, "/tai-khoan"));
        Assert.Null(NavItem.Current(Menu, "/"));
        IReadOnlyList<NavItem> withHome = [new("/", "Trang chủ", 1, _ => true), .. Menu];
        Assert.Equal("Trang chủ", NavItem.Current(withHome, "/")?.Label);
        Assert.Equal("Thống kê", NavItem.Current(withHome, "/mo-hinh/thong-ke")?.Label);
    }
}
