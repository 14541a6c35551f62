using Microsoft.AspNetCore.Http;

namespace Emulation.Kernel.Web;

public static class PageResults
{
    public static Task<IResult> NotFound(HttpContext ctx) =>
        Page.Render(ctx, "Không tìm thấy", Html.Of($"""<p>Trang hoặc dữ liệu bạn tìm không tồn tại.</p><p><a href="/">Về trang chủ</a></p>"""), 404);

    public static Task<IResult> Forbidden(HttpContext ctx) =>
        Page.Render(ctx, "Không có quyền", Html.Of($"""<p>Tài khoản của bạn không có quyền xem trang này.</p><p><a href="/">Về trang chủ</a></p>"""), 403);
}
