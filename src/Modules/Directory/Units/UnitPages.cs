using Emulation.Kernel;
using Emulation.Kernel.Security;
using Emulation.Kernel.Web;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Emulation.Directory.Units;

public static class UnitPages
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/quan-tri/don-vi", List).RequireAuthorization(Policies.Admin);
        app.MapGet("/quan-tri/don-vi/{id:guid}", Detail).RequireAuthorization(Policies.Admin);
    }

    public static IEnumerable<(string, string)> UnitOptions(UnitTree tree, Func<Unit, bool>? where = null) =>
        UnitQueries.Flatten(tree).Where(u => u.Active && (where?.Invoke(u) ?? true))
            .Select(u => (u.Id.ToString(), new string('—', UnitQueries.Depth(tree, u.Id)) + " " + u.Name));

    static IEnumerable<(string, string)> KindOptions() =>
        Enum.GetValues<UnitKind>().Select(k => (k.ToString(), UnitKinds.Label(k)));

    static async Task<IResult> List(HttpContext ctx, IQuerySession session)
    {
        var tree = await UnitQueries.TreeAsync(session);
        RawHtml Node(Unit u) => Html.Of($"""
            <li><a href="/quan-tri/don-vi/{u.Id.ToString()}">{u.Name}</a> <span class="muted">{u.Code} · {UnitKinds.Label(u.Kind)}{(u.CoversLevel is null ? "" : " · theo dõi " + StandardLevels.Name(u.CoversLevel))}</span>{Html.When(!u.Active, Html.Of($""" <span class="tag warn">đã sáp nhập</span>"""))}
            {Html.When(tree.Children(u.Id).Any(), Html.Of($"<ul>{Html.Join(tree.Children(u.Id).Select(Node))}</ul>"))}</li>
            """);

        var create = Page.ApiForm("POST", "/api/directory/units", "/quan-tri/don-vi/{id}", Html.Of($"""
            <div class="grid2">
              {Page.Field("name", "Tên đơn vị", required: true, maxLength: UnitRules.MaxName)}
              {Page.Field("code", "Mã đơn vị", required: true, maxLength: 20, hint: "Chữ in hoa không dấu, số, gạch ngang. Ví dụ: CM-P1")}
              {Page.Select("kind", "Loại đơn vị", KindOptions(), required: true)}
              {Page.Select("parentId", "Trực thuộc", UnitOptions(tree), emptyText: "(Không: cấp tỉnh)")}
              {Page.Select("coversLevel", "Ban theo dõi mô hình cấp (chỉ với Ban)", StandardLevels.All.Select(l => (l.Code, l.Name)), emptyText: "(Không áp dụng)")}
              {Page.Field("effectiveFrom", "Thành lập từ ngày", type: "date")}
            </div>
            """), "Thêm đơn vị");

        return await Page.Render(ctx, "Đơn vị", Html.Of($"""
            <p>{tree.All.Count(u => u.Active)} đơn vị đang hoạt động, {tree.All.Count(u => !u.Active)} đơn vị đã sáp nhập (vẫn giữ nguyên dữ liệu cũ).</p>
            <div class="panel tree"><ul>{Html.Join(tree.Roots.Select(Node))}</ul></div>
            <details class="panel" id="them-don-vi"><summary>Thêm đơn vị</summary>{create}</details>
            """));
    }

    static async Task<IResult> Detail(Guid id, HttpContext ctx, IQuerySession session)
    {
        var tree = await UnitQueries.TreeAsync(session);
        var detail = await UnitQueries.DetailAsync(session, tree, id);
        if (detail is null) return await PageResults.NotFound(ctx);
        var u = detail.Unit;
        var version = Page.Hidden("version", u.Version, "int");
        var back = $"/quan-tri/don-vi/{u.Id}";

        var forms = !u.Active ? RawHtml.Empty : Html.Of($"""
            <details class="panel"><summary>Đổi tên</summary>
              {Page.ApiForm("POST", $"/api/directory/units/{u.Id}/rename", back, Html.Of($"""
                {version}{Page.Field("name", "Tên mới", u.Name, required: true, maxLength: UnitRules.MaxName)}
                {Page.Field("effectiveFrom", "Áp dụng từ ngày", type: "date")}
                {Page.Field("reason", "Căn cứ, lý do", maxLength: UnitRules.MaxReason)}
                """), "Lưu tên mới")}
            </details>
            <details class="panel"><summary>Chuyển đơn vị cấp trên</summary>
              {Page.ApiForm("POST", $"/api/directory/units/{u.Id}/move", back, Html.Of($"""
                {version}{Page.Select("parentId", "Trực thuộc", UnitOptions(tree, x => x.Id != u.Id), u.ParentId?.ToString(), emptyText: "(Không: cấp tỉnh)")}
                {Page.Field("effectiveFrom", "Áp dụng từ ngày", type: "date")}
                {Page.Field("reason", "Căn cứ, lý do", maxLength: UnitRules.MaxReason)}
                """), "Chuyển")}
            </details>
            <details class="panel"><summary>Sáp nhập vào đơn vị khác</summary>
              {Page.ApiForm("POST", $"/api/directory/units/{u.Id}/merge", back, Html.Of($"""
                {version}{Page.Select("intoUnitId", "Đơn vị tiếp nhận", UnitOptions(tree, x => x.Id != u.Id), required: true, emptyText: "(Chọn đơn vị)")}
                {Page.Field("effectiveFrom", "Áp dụng từ ngày", type: "date")}
                {Page.Field("reason", "Căn cứ (số nghị quyết, quyết định)", maxLength: UnitRules.MaxReason)}
                <p class="muted">Dữ liệu đã ghi nhận dưới tên đơn vị cũ được giữ nguyên và được tính cho đơn vị tiếp nhận.</p>
                """), "Sáp nhập")}
            </details>
            """);

        var merged = tree.Find(u.MergedInto);
        return await Page.Render(ctx, u.Name, Html.Of($"""
            <p><a href="/quan-tri/don-vi">← Danh sách đơn vị</a></p>
            <div class="panel">
              <p><strong>Mã:</strong> {u.Code} · <strong>Loại:</strong> {u.KindLabel}{(u.CoversLevel is null ? "" : " · theo dõi mô hình " + StandardLevels.Name(u.CoversLevel))}</p>
              <p><strong>Trực thuộc:</strong> {u.Path}</p>
              <p><strong>Trạng thái:</strong> {(u.Active ? "Đang hoạt động" : "Đã sáp nhập vào " + (merged?.Name ?? ""))}</p>
              <p><strong>Các tên đã dùng:</strong> {string.Join("; ", u.Names.Select(n => $"{n.Name} (từ {n.From:dd/MM/yyyy})"))}</p>
              {Html.When(detail.Children.Count > 0, Html.Of($"""<p><strong>Đơn vị trực thuộc:</strong> {Html.Join(detail.Children.Select(c => Html.Of($"""<a href="/quan-tri/don-vi/{c.Id.ToString()}">{c.Name}</a>; """)))}</p>"""))}
            </div>
            {forms}
            <h2>Lịch sử thay đổi</h2>
            <ol class="history">{Html.Join(detail.History.Select(h => Html.Of($"""<li>{h.At} — <strong>{h.ByName}</strong>: {h.Summary}</li>""")))}</ol>
            """));
    }
}
