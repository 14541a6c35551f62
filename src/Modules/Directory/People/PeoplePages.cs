using Emulation.Directory.Units;
using Emulation.Kernel.Security;
using Emulation.Kernel.Web;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Emulation.Directory.People;

public static class PeoplePages
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/quan-tri/nguoi-dung", List).RequireAuthorization(Policies.Admin);
        app.MapGet("/quan-tri/nguoi-dung/{id:guid}", Detail).RequireAuthorization(Policies.Admin);
    }

    static IEnumerable<(string, string)> RoleOptions() => Roles.All.Select(r => (r, Roles.Label(r)));

    static RawHtml RoleFields(UnitTree tree, string prefix) => Html.Of($"""
        {Page.Select(prefix + "role", "Vai trò", RoleOptions(), emptyText: "(Chọn vai trò)")}
        {Page.Select(prefix + "unitId", "Tại đơn vị / Ban", UnitPages.UnitOptions(tree), emptyText: "(Không áp dụng với quản trị)")}
        """);

    static async Task<IResult> List(HttpContext ctx, IQuerySession session, TimeProvider clock, string? q)
    {
        var tree = await UnitQueries.TreeAsync(session);
        var people = await PeopleQueries.ListAsync(session, tree, clock.GetUtcNow());
        var fold = Kernel.Text.VietnameseText.Fold(q);
        var shown = fold.Length == 0 ? people : people.Where(p =>
            Kernel.Text.VietnameseText.Fold($"{p.FullName} {p.UserName} {p.Position} {string.Join(' ', p.Roles.Select(r => r.UnitName))}").Contains(fold)).ToList();

        var rows = Html.Join(shown.Select(p => Html.Of($"""
            <tr><td><a href="/quan-tri/nguoi-dung/{p.Id.ToString()}">{p.FullName}</a><br><span class="muted">{p.Position}</span></td>
              <td>{p.UserName}</td>
              <td>{Html.Join(p.Roles.Select(r => Html.Of($"""<div>{r.RoleLabel}{(r.UnitName is null ? "" : " — " + r.UnitName)}</div>""")))}</td>
              <td>{(p.Disabled ? Html.Of($"""<span class="tag bad">Đã khóa</span>""") : p.LockedOut ? Html.Of($"""<span class="tag warn">Tạm khóa do sai mật khẩu</span>""") : Html.Of($"""<span class="tag ok">Hoạt động</span>"""))}</td></tr>
            """)));

        var create = Page.ApiForm("POST", "/api/directory/people", "/quan-tri/nguoi-dung/{id}", Html.Of($"""
            <div class="grid2">
              {Page.Field("fullName", "Họ và tên", required: true, maxLength: PersonRules.MaxFullName)}
              {Page.Field("userName", "Tên đăng nhập", required: true, maxLength: PersonRules.MaxUserName, hint: "Chữ thường không dấu, ví dụ: nguyenvana")}
              {Page.Field("position", "Chức vụ", maxLength: 200)}
              {Page.Field("email", "Thư điện tử", type: "email", maxLength: 200)}
              {Page.Field("password", "Mật khẩu ban đầu", type: "password", required: true, maxLength: PersonRules.MaxPassword, hint: "Ít nhất 8 ký tự, có cả chữ và số")}
              {RoleFields(tree, "roles[0].")}
            </div>
            """), "Tạo tài khoản");

        return await Page.Render(ctx, "Người dùng", Html.Of($"""
            <form method="get" class="filters"><label class="field"><span>Tìm theo tên, tài khoản, đơn vị</span><input name="q" value="{q}"></label>
              <div class="actions"><button type="submit" class="secondary">Tìm</button></div></form>
            <p>{shown.Count} người dùng.</p>
            <div class="table-wrap"><table><thead><tr><th>Họ tên</th><th>Tài khoản</th><th>Vai trò</th><th>Trạng thái</th></tr></thead>
            <tbody>{rows}</tbody></table></div>
            <details class="panel" id="them-nguoi-dung"><summary>Tạo tài khoản mới</summary>{create}</details>
            """));
    }

    static async Task<IResult> Detail(Guid id, HttpContext ctx, IQuerySession session, TimeProvider clock)
    {
        var tree = await UnitQueries.TreeAsync(session);
        var detail = await PeopleQueries.DetailAsync(session, tree, id, clock.GetUtcNow());
        if (detail is null) return await PageResults.NotFound(ctx);
        var p = detail.Person;
        var back = $"/quan-tri/nguoi-dung/{p.Id}";
        var version = Page.Hidden("version", p.Version, "int");

        var roles = Html.Join(p.Roles.Select(r => Html.Of($"""
            <li>{r.RoleLabel}{(r.UnitName is null ? "" : " — " + r.UnitName)}
              {Page.ApiForm("POST", $"/api/directory/people/{p.Id}/roles/revoke", back, Html.Of($"""{version}{Page.Hidden("role", r.Role)}{Page.Hidden("unitId", r.UnitId)}"""), "Thu hồi", "inline")}</li>
            """)));

        return await Page.Render(ctx, p.FullName, Html.Of($"""
            <p><a href="/quan-tri/nguoi-dung">← Danh sách người dùng</a></p>
            <div class="panel">
              <p><strong>Tài khoản:</strong> {p.UserName} · <strong>Chức vụ:</strong> {p.Position} · <strong>Thư điện tử:</strong> {p.Email}</p>
              <p><strong>Trạng thái:</strong> {(p.Disabled ? "Đã khóa" : p.LockedOut ? "Tạm khóa do nhập sai mật khẩu nhiều lần" : "Hoạt động")}</p>
              <h2>Vai trò</h2><ul>{roles}</ul>
            </div>
            <details class="panel"><summary>Giao thêm vai trò</summary>
              {Page.ApiForm("POST", $"/api/directory/people/{p.Id}/roles", back, Html.Of($"{version}{RoleFields(tree, "")}"), "Giao vai trò")}</details>
            <details class="panel"><summary>Sửa thông tin</summary>
              {Page.ApiForm("POST", $"/api/directory/people/{p.Id}/details", back, Html.Of($"""
                {version}{Page.Field("fullName", "Họ và tên", p.FullName, required: true, maxLength: PersonRules.MaxFullName)}
                {Page.Field("position", "Chức vụ", p.Position, maxLength: 200)}{Page.Field("email", "Thư điện tử", p.Email, type: "email", maxLength: 200)}
                """), "Lưu")}</details>
            <details class="panel"><summary>Đặt lại mật khẩu</summary>
              {Page.ApiForm("POST", $"/api/directory/people/{p.Id}/password", back, Html.Of($"""
                {version}{Page.Field("password", "Mật khẩu mới", type: "password", required: true, maxLength: PersonRules.MaxPassword, hint: "Ít nhất 8 ký tự, có cả chữ và số")}
                """), "Đặt lại mật khẩu")}</details>
            <details class="panel"><summary>{(p.Disabled ? "Mở khóa tài khoản" : "Khóa tài khoản")}</summary>
              {(p.Disabled
                ? Page.ApiForm("POST", $"/api/directory/people/{p.Id}/enable", back, version, "Mở khóa")
                : Page.ApiForm("POST", $"/api/directory/people/{p.Id}/disable", back, Html.Of($"""{version}{Page.Field("reason", "Lý do", maxLength: 500)}"""), "Khóa tài khoản"))}</details>
            <h2>Lịch sử thay đổi</h2>
            <ol class="history">{Html.Join(detail.History.Select(h => Html.Of($"""<li>{h.At} — <strong>{h.ByName}</strong>: {h.Summary}</li>""")))}</ol>
            """));
    }
}
