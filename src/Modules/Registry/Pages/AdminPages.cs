using Emulation.Kernel.Web;
using Emulation.Registry.Campaigns;
using Emulation.Registry.Catalog;
using Emulation.Registry.Reminders;
using Marten;
using Microsoft.AspNetCore.Http;
using P = Emulation.Kernel.Web.Page;

namespace Emulation.Registry.Pages;

public static class AdminPages
{
    public static async Task<IResult> Campaigns(HttpContext ctx, IQuerySession session)
    {
        if (!Registry.Campaigns.Campaigns.CanManage(ctx.CurrentUser())) return await PageResults.Forbidden(ctx);
        var campaigns = await Registry.Campaigns.Campaigns.AllAsync(session);
        var kinds = Enum.GetValues<PeriodKind>().Select(k => (k.ToString(), Period.KindName(k)));
        var blocks = campaigns.Select(c => Html.Of($"""
            <div class="panel">
              <h2>{c.Name} ({c.StartYear.ToString()}-{c.EndYear.ToString()})</h2>
              <div class="table-wrap"><table><thead><tr><th>Kỳ</th><th>Loại</th><th>Thời gian</th><th>Nhận đăng ký</th><th>Năm trong mã</th></tr></thead><tbody>
              {Html.Join(c.Periods.Select(p => Html.Of($"<tr><td>{p.Name}</td><td>{Period.KindName(p.Kind)}</td><td>{p.From} – {p.To}</td><td>{p.RegistrationOpens} – {p.RegistrationCloses}</td><td>{p.CodeYear.ToString()}</td></tr>")))}
              </tbody></table></div>
              <details><summary>Thêm kỳ</summary>
                {P.ApiForm("POST", $"/api/registry/campaigns/{c.Id}/periods", "/quan-tri/dot-thi-dua", Html.Of($"""
                  {P.Hidden("version", c.Version, "int")}
                  <div class="grid2">
                    {P.Field("name", "Tên kỳ", required: true, maxLength: 200, hint: "Ví dụ: Sơ kết 2020-2023, Năm 2026")}
                    {P.Select("kind", "Loại kỳ", kinds, required: true)}
                    {P.Field("from", "Từ ngày", type: "date", required: true)}{P.Field("to", "Đến ngày", type: "date", required: true)}
                    {P.Field("registrationOpens", "Mở đăng ký", type: "date", required: true)}{P.Field("registrationCloses", "Hạn đăng ký", type: "date", required: true)}
                    {P.Field("codeYear", "Năm ghi trong mã đăng ký", dataType: "int", hint: "Mặc định: năm kết thúc kỳ")}
                  </div>
                  """), "Thêm kỳ")}
              </details>
            </div>
            """));
        return await P.Render(ctx, "Phong trào, đợt thi đua", Html.Of($"""
            {Html.Join(blocks)}
            <details class="panel" id="them-dot"><summary>Lập phong trào, đợt thi đua mới</summary>
              {P.ApiForm("POST", "/api/registry/campaigns", "/quan-tri/dot-thi-dua", Html.Of($"""
                {P.Field("name", "Tên", required: true, maxLength: 200, hint: "Ví dụ: Dân vận khéo 2025-2030")}
                <div class="grid2">{P.Field("startYear", "Từ năm", dataType: "int", required: true)}{P.Field("endYear", "Đến năm", dataType: "int", required: true)}</div>
                """), "Lập đợt thi đua")}
            </details>
            """));
    }

    public static async Task<IResult> Catalog(HttpContext ctx, IQuerySession session)
    {
        var catalog = await RegistryCatalog.LoadAsync(session);
        RawHtml Rows(string group, IReadOnlyList<CatalogEntry> entries) => Html.Join(entries.Append(new CatalogEntry("", "", true)).Select((e, i) => Html.Of($"""
            <div class="grid2 row" data-row-group="{group}">
              {P.Field($"{group}[{i}].code", "Mã", e.Code, maxLength: 40)}
              {P.Field($"{group}[{i}].name", "Tên", e.Name, maxLength: 100)}
              <label class="field"><span>Đang dùng</span><input type="checkbox" name="{group}[{i}].active"{(e.Active ? new RawHtml(" checked") : RawHtml.Empty)}></label>
            </div>
            """)));
        return await P.Render(ctx, "Danh mục lĩnh vực và cấp", Html.Of($"""
            <p>Tỉnh có thể bổ sung lĩnh vực, cấp riêng. Mục đã dùng không xóa được; bỏ chọn “Đang dùng” để ngừng sử dụng.</p>
            {P.ApiForm("PUT", "/api/registry/catalog", "/quan-tri/danh-muc", Html.Of($"""
              {P.Hidden("version", catalog.Version, "int")}
              <fieldset class="panel"><legend>Lĩnh vực</legend>{Rows("fields", catalog.Fields)}<em class="field-error" data-for="fields"></em>
                <button type="button" class="secondary" data-add-row="fields">+ Thêm dòng</button></fieldset>
              <fieldset class="panel"><legend>Cấp</legend>{Rows("levels", catalog.Levels)}<em class="field-error" data-for="levels"></em>
                <button type="button" class="secondary" data-add-row="levels">+ Thêm dòng</button></fieldset>
              """), "Lưu danh mục")}
            """));
    }

    public static async Task<IResult> Inbox(HttpContext ctx, IQuerySession session)
    {
        var items = await Reminders.Inbox.ItemsAsync(session, ctx.CurrentUser(), ctx.RequestAborted);
        return await P.Render(ctx, "Nhắc việc", items.Count == 0 ? Html.Of($"<p>Không có nhắc việc nào.</p>") : Html.Of($"""
            <ul class="inbox">{Html.Join(items.Select(i => Html.Of($"""
              <li class="panel{(i.Read ? " muted" : "")}"><strong>{i.Title}</strong> <span class="muted">{i.CreatedAt}</span>
                <p>{i.Body}</p>
                <p><a href="/mo-hinh/{i.ModelId.ToString()}">Mở hồ sơ</a>
                {Html.When(!i.Read, P.ApiForm("POST", "/api/registry/inbox/read", "/hop-thu", P.Hidden("id", i.Id), "Đánh dấu đã đọc", "inline"))}</p></li>
              """)))}</ul>
            """));
    }
}
