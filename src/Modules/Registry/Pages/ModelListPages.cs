using Emulation.Kernel.Security;
using Emulation.Kernel.Web;
using Emulation.Registry.Campaigns;
using Emulation.Registry.Catalog;
using Emulation.Registry.Models;
using Emulation.Registry.Units;
using Marten;
using Microsoft.AspNetCore.Http;

namespace Emulation.Registry.Pages;

/// <summary>The list with its filters, the board's queue and the statistics page: one filter form, three views.</summary>
public static class ModelListPages
{
    public static ModelFilter FilterFrom(HttpRequest r, Guid? board = null)
    {
        Guid? G(string k) => Guid.TryParse(r.Query[k], out var g) ? g : null;
        T? E<T>(string k) where T : struct, Enum => Enum.TryParse<T>(r.Query[k], out var v) ? v : null;
        string? S(string k) => string.IsNullOrWhiteSpace(r.Query[k]) ? null : r.Query[k].ToString();
        return new ModelFilter(G("period"), S("level"), S("field"), E<ModelKind>("kind"), E<ModelStatus>("status"), G("unit"), S("q"), S("sort"),
            int.TryParse(r.Query["page"], out var p) ? p : 1, int.TryParse(r.Query["pageSize"], out var ps) ? ps : 20, board);
    }

    public static string Query(ModelFilter f, int? page = null, string? format = null)
    {
        var parts = new List<string>();
        void Add(string k, object? v) { if (v is not null && v.ToString() != "") parts.Add($"{k}={Uri.EscapeDataString(v.ToString()!)}"); }
        Add("period", f.Period); Add("level", f.Level); Add("field", f.Field); Add("kind", f.Kind); Add("status", f.Status);
        Add("unit", f.Unit); Add("q", f.Q); Add("sort", f.Sort); Add("page", page); Add("format", format);
        return string.Join("&", parts);
    }

    public static RawHtml FilterForm(string action, ModelFilter f, RegistryAccess access, RegistryCatalog catalog, IReadOnlyList<PeriodView> periods, bool withSort)
    {
        var units = access.SeesAll ? access.Tree.All.ToList()
            : access.FullUnits.Concat(access.BoardUnits).Distinct().Select(id => access.Tree.Find(id)).OfType<RegistryUnit>().ToList();
        var unitOptions = units.Where(u => !u.IsBoard).OrderBy(u => access.Tree.Path(u.Id), Kernel.Text.VietnameseText.Comparer)
            .Select(u => (u.Id.ToString(), access.Tree.Path(u.Id)));
        return Html.Of($"""
            <form method="get" action="{action}" class="panel filters" role="search">
              <label class="field"><span>Tìm theo tên, mã</span><input name="q" value="{f.Q}" placeholder="ví dụ: dan van kheo"></label>
              {Page.Select("period", "Kỳ", periods.Select(p => (p.Id.ToString(), p.Label)), f.Period?.ToString(), emptyText: "Tất cả")}
              {Page.Select("level", "Cấp", catalog.Levels.Select(l => (l.Code, l.Name)), f.Level, emptyText: "Tất cả")}
              {Page.Select("field", "Lĩnh vực", catalog.Fields.Select(l => (l.Code, l.Name)), f.Field, emptyText: "Tất cả")}
              {Page.Select("kind", "Loại", Enum.GetValues<ModelKind>().Select(k => (k.ToString(), ModelLabels.Kind(k))), f.Kind?.ToString(), emptyText: "Tất cả")}
              {Page.Select("status", "Trạng thái", Enum.GetValues<ModelStatus>().Select(k => (k.ToString(), ModelLabels.Status(k))), f.Status?.ToString(), emptyText: "Tất cả")}
              {Page.Select("unit", "Đơn vị (gồm cấp dưới)", unitOptions, f.Unit?.ToString(), emptyText: "Tất cả")}
              {Html.When(withSort, Page.Select("sort", "Sắp xếp", [("-updated", "Mới cập nhật"), ("name", "Tên A-Z"), ("code", "Mã đăng ký"), ("submitted", "Ngày gửi")], f.Sort ?? "-updated"))}
              <div class="actions"><button type="submit">Lọc</button><a class="button secondary" href="{action}">Bỏ lọc</a></div>
            </form>
            """);
    }

    public static RawHtml Table(IReadOnlyList<ModelRow> rows, RegistryCatalog catalog, bool showUnit = true) => rows.Count == 0
        ? Html.Of($"""<p class="notice">Không có mô hình, điển hình nào phù hợp.</p>""")
        : Html.Of($"""
            <div class="table-wrap"><table class="models">
              <thead><tr><th>Mã</th><th>Tên mô hình, điển hình</th>{Html.When(showUnit, new RawHtml("<th>Đơn vị</th>"))}<th>Cấp, lĩnh vực</th><th>Trạng thái</th></tr></thead>
              <tbody>{Html.Join(rows.Select(r => Html.Of($"""
                <tr><td>{r.RegistryCode ?? "—"}</td>
                  <td><a href="/mo-hinh/{r.Id.ToString()}">{r.Name}</a>{(r.PersonName is null ? RawHtml.Empty : Html.Of($"<br><span class=\"muted\">{r.PersonName}</span>"))}<br><span class="muted">{ModelLabels.Kind(r.Kind)}</span>
                    {Html.When(r.NearDuplicateCount > 0, Html.Of($"""<span class="tag warn" title="Có mô hình tên gần trùng trong cùng kỳ, cùng tỉnh">có thể trùng</span>"""))}
                    {Html.When(r.ReplicatesModelId is not null, Html.Of($"""<span class="tag">nhân rộng</span>"""))}</td>
                  {Html.When(showUnit, Html.Of($"<td>{r.UnitName}</td>"))}
                  <td>{catalog.LevelName(r.LevelCode)}<br><span class="muted">{catalog.FieldName(r.FieldCode)}</span></td>
                  <td><span class="tag {ModelLabels.StatusTag(r.Status)}">{ModelLabels.Status(r.Status)}</span></td></tr>
                """)))}</tbody></table></div>
            """);

    public static async Task<IResult> List(HttpContext ctx, IQuerySession session, UnitDirectory units)
    {
        var context = await ModelContext.LoadAsync(ctx, session, units);
        var f = FilterFrom(ctx.Request);
        var page = await ModelQueries.SearchAsync(session, context.Access, f, ctx.RequestAborted);
        var pages = (int)Math.Max(1, Math.Ceiling(page.Total / (double)page.PageSize));
        var query = Query(f);
        return await Kernel.Web.Page.Render(ctx, "Mô hình, điển hình", Html.Of($"""
            {FilterForm("/mo-hinh", f, context.Access, context.Catalog, context.Periods, withSort: true)}
            <p><strong>{(page.TotalCapped ? "Hơn " : "")}{page.Total}</strong> kết quả ·
              <a href="/api/registry/models/export?{Query(f, format: "xlsx")}">Tải Excel</a> ·
              <a href="/api/registry/models/export?{Query(f, format: "csv")}">Tải CSV</a> ·
              <a href="/mo-hinh/thong-ke?{query}">Thống kê theo bộ lọc này</a>
              {Html.When(context.Access.OfficerUnits.Count > 0, Html.Of($""" · <a href="/mo-hinh/dang-ky">Đăng ký mới</a>"""))}</p>
            {Table(page.Items, context.Catalog)}
            <nav class="pager" aria-label="Trang">
              {Html.When(page.Page > 1, Html.Of($"""<a href="/mo-hinh?{Query(f, page.Page - 1)}">← Trang trước</a>"""))}
              <span>Trang {page.Page} / {(page.TotalCapped ? "…" : pages.ToString())}</span>
              {Html.When(page.Page < pages || page.TotalCapped, Html.Of($"""<a href="/mo-hinh?{Query(f, page.Page + 1)}">Trang sau →</a>"""))}
            </nav>
            """));
    }

    public static async Task<IResult> Queue(HttpContext ctx, IQuerySession session, UnitDirectory units)
    {
        var context = await ModelContext.LoadAsync(ctx, session, units);
        var sections = new List<RawHtml>();
        foreach (var board in context.Access.Boards)
        {
            var f = new ModelFilter(null, null, null, null, ModelStatus.Submitted, null, null, "submitted", 1, ModelFilter.MaxPageSize, board);
            var page = await ModelQueries.SearchAsync(session, context.Access, f, ctx.RequestAborted);
            sections.Add(Html.Of($"""
                <h2>{context.Access.Tree.Name(board)}</h2>
                <p>{page.Total} hồ sơ chờ xem xét, cũ nhất lên đầu.</p>
                {Table(page.Items, context.Catalog)}
                """));
        }
        return await Kernel.Web.Page.Render(ctx, "Hồ sơ chờ Ban xem xét", sections.Count == 0
            ? Html.Of($"<p>Bạn không thuộc Ban nào.</p>")
            : Html.Join(sections));
    }

    public static async Task<IResult> Statistics(HttpContext ctx, IQuerySession session, UnitDirectory units)
    {
        var context = await ModelContext.LoadAsync(ctx, session, units);
        var f = FilterFrom(ctx.Request);
        var stats = await ModelReports.StatisticsAsync(session, context.Access, context.Catalog, f, ctx.RequestAborted);
        RawHtml Block(string title, IReadOnlyList<Count> counts) => Html.Of($"""
            <div class="panel"><h2>{title}</h2><table><tbody>
              {Html.Join(counts.Select(c => Html.Of($"<tr><td>{c.Label}</td><td class=\"num\">{c.Value}</td></tr>")))}
            </tbody></table></div>
            """);
        return await Kernel.Web.Page.Render(ctx, "Thống kê mô hình, điển hình", Html.Of($"""
            {FilterForm("/mo-hinh/thong-ke", f, context.Access, context.Catalog, context.Periods, withSort: false)}
            <div class="notice" id="cau-trich"><strong>Số liệu trích báo cáo:</strong> {stats.Sentence}</div>
            <p><a href="/mo-hinh?{Query(f)}">Xem danh sách theo bộ lọc này</a></p>
            <div class="grid2">{Block("Theo cấp", stats.ByLevel)}{Block("Theo lĩnh vực", stats.ByField)}{Block("Theo trạng thái", stats.ByStatus)}{Block("Theo loại", stats.ByKind)}</div>
            {Block("Theo đơn vị đăng ký (50 đơn vị nhiều nhất)", stats.ByUnit)}
            """));
    }
}
