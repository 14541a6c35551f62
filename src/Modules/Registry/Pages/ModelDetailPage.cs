using Emulation.Kernel.Web;
using Emulation.Registry.Models;
using Emulation.Registry.Units;
using Marten;
using Microsoft.AspNetCore.Http;
using P = Emulation.Kernel.Web.Page;

namespace Emulation.Registry.Pages;

public static class ModelDetailPage
{
    public static async Task<IResult> Render(Guid id, HttpContext ctx, IQuerySession session, UnitDirectory units)
    {
        var view = await ModelQueries.ViewAsync(id, session, units, ctx);
        if (view is null) return await PageResults.NotFound(ctx);
        var d = view.Details;
        var self = $"/mo-hinh/{id}";
        var version = P.Hidden("version", view.Version, "int");

        var possible = view.NearDuplicates;

        RawHtml Action(string action) => action switch
        {
            "edit" => Html.Of($"""<a class="button" href="/mo-hinh/{id.ToString()}/sua">Sửa hồ sơ</a>"""),
            "submit" => P.ApiForm("POST", $"/api/registry/models/{id}/submit", self, version, "Gửi Ban xem xét", "inline"),
            "withdraw" => Html.Of($"""<details class="panel"><summary>Rút hồ sơ</summary>{P.ApiForm("POST", $"/api/registry/models/{id}/withdraw", self, Html.Of($"{version}{P.Field("reason", "Lý do rút", maxLength: ModelRules.MaxReason)}"), "Rút hồ sơ")}</details>"""),
            "accept" => Html.Of($"""<details class="panel" open><summary>Công nhận đăng ký</summary>{P.ApiForm("POST", $"/api/registry/models/{id}/accept", self, Html.Of($"{version}{P.Field("reason", "Ghi chú (nếu có)", maxLength: ModelRules.MaxReason)}"), "Công nhận và cấp mã")}</details>"""),
            "return" => Html.Of($"""<details class="panel"><summary>Trả lại để bổ sung</summary>{P.ApiForm("POST", $"/api/registry/models/{id}/return", self, Html.Of($"{version}{P.TextArea("reason", "Nội dung cần bổ sung", required: true, maxLength: ModelRules.MaxReason)}"), "Trả lại")}</details>"""),
            "reject" => Html.Of($"""<details class="panel"><summary>Không chấp nhận</summary>{P.ApiForm("POST", $"/api/registry/models/{id}/reject", self, Html.Of($"{version}{P.TextArea("reason", "Lý do không chấp nhận", required: true, maxLength: ModelRules.MaxReason)}"), "Không chấp nhận")}</details>"""),
            _ => RawHtml.Empty
        };

        RawHtml Text(string label, string? value) => string.IsNullOrWhiteSpace(value) ? RawHtml.Empty
            : Html.Of($"""<h3>{label}</h3><p class="pre-line">{value}</p>""");

        var money = new Func<decimal?, string>(v => v is null ? "" : Html.Number(v.Value) + " đồng");
        return await P.Render(ctx, d.Name, Html.Of($"""
            <p><a href="/mo-hinh">← Danh sách</a></p>
            <div class="panel" id="trang-thai">
              <p><span class="tag {ModelLabels.StatusTag(view.Status)}" id="status">{view.StatusLabel}</span>
                 {Html.When(view.RegistryCode is not null, Html.Of($""" · Mã đăng ký: <strong id="registry-code">{view.RegistryCode}</strong>"""))}</p>
              {Html.When(view.LastReason is not null, Html.Of($"""<p class="notice{(view.Status is ModelStatus.Returned or ModelStatus.Rejected ? " error" : "")}"><strong>{(view.Status == ModelStatus.Accepted ? "Ghi chú của Ban" : "Lý do")}:</strong> {view.LastReason}</p>"""))}
              <p><strong>{view.KindLabel}</strong>{(d.PersonName is null ? "" : $": {d.PersonName}" + (d.PersonPosition is null ? "" : $", {d.PersonPosition}"))}</p>
              <p><strong>Đơn vị đăng ký:</strong> {view.UnitPath}</p>
              <p><strong>Kỳ:</strong> {view.Period} · <strong>Cấp:</strong> {view.Level} · <strong>Lĩnh vực:</strong> {view.Field}</p>
              {Html.When(view.Board is not null, Html.Of($"""<p><strong>Ban xem xét:</strong> {view.Board?.Name}</p>"""))}
              {Html.When(view.Replicates is not null, Html.Of($"""<p><strong>Nhân rộng từ:</strong> <a href="/mo-hinh/{view.Replicates?.Id.ToString()}">{view.Replicates?.Name}</a> ({view.Replicates?.RegistryCode}, {view.Replicates?.Unit.Name})</p>"""))}
              <div class="actions">{Html.Join(view.Actions.Select(Action))}</div>
            </div>
            {Html.When(possible.Count > 0, Html.Of($"""
              <div class="notice error" id="trung-lap"><strong>Có {possible.Count} mô hình tên gần trùng trong cùng kỳ, cùng tỉnh:</strong>
                <ul>{Html.Join(possible.Select(p => Html.Of($"""<li><a href="/mo-hinh/{p.ModelId.ToString()}">{p.Name}</a> ({p.RegistryCode ?? "chưa có mã"}; mức giống {(int)(p.Similarity * 100)}%)</li>""")))}</ul>
                Ban xem xét sẽ thấy cảnh báo này.</div>
              """))}
            <div class="panel" id="nhan-rong"><strong>Nhân rộng:</strong> {(view.Replicas.Count == 0 ? Html.Of($"chưa có đơn vị nào đăng ký nhân rộng.") :
                Html.Of($"""{view.Replicas.Count} đơn vị đã đăng ký nhân rộng: {Html.Join(view.Replicas.Select(r => Html.Of($"""<a href="/mo-hinh/{r.Id.ToString()}">{r.Unit.Name}</a>; """)))}"""))}</div>
            <div class="panel">
              <h2>Chỉ tiêu</h2>
              {(d.Targets.Count == 0 ? Html.Of($"""<p class="muted">Chưa có chỉ tiêu.</p>""") : Html.Of($"""
                <div class="table-wrap"><table><thead><tr><th>Chỉ tiêu</th><th>Đơn vị tính</th><th>Hiện tại</th><th>Mục tiêu</th><th>Thời hạn</th></tr></thead><tbody>
                {Html.Join(d.Targets.Select(t => Html.Of($"<tr><td>{t.Indicator}</td><td>{t.UnitOfMeasure}</td><td>{t.Baseline}</td><td>{t.TargetValue}</td><td>{t.DueDate}</td></tr>")))}
                </tbody></table></div>
                """))}
              {Text("Thực trạng, lý do", d.Situation)}{Text("Mục tiêu, tiêu chí đánh giá", d.Objectives)}{Text("Nội dung, cách làm", d.ContentAndMethods)}
              {Text("Địa bàn", d.Area)}{Text("Đối tượng", d.TargetGroup)}
              {Text("Lực lượng chủ trì", d.LeadForce)}{Text("Lực lượng phối hợp", d.CoordinatingForces)}{Text("Lực lượng tham gia", d.ParticipatingForces)}
              {Text("Kinh phí", money(d.Budget))}{Text("Kinh phí xã hội hóa", money(d.SocialisedFunds))}{Text("Ngày công", d.Workdays?.ToString())}{Text("Cơ sở vật chất", d.Facilities)}
              {Text("Thời gian", d.StartDate is null ? null : $"Từ {d.StartDate:dd/MM/yyyy} đến {d.EvaluationDate:dd/MM/yyyy} (đánh giá)")}
              {Html.When(d.Milestones.Count > 0, Html.Of($"""<h3>Các mốc tiến độ</h3><ul>{Html.Join(d.Milestones.Select(m => Html.Of($"<li>{m.Date}: {m.Description}</li>")))}</ul>"""))}
              {Text("Sản phẩm kiểm chứng được", d.Outputs)}{Text("Khả năng duy trì, nhân rộng", d.Sustainability)}
            </div>
            <h2>Quá trình xử lý</h2>
            <ol class="history" id="lich-su">{Html.Join(view.History.Select(h => Html.Of($"""<li>{h.At} — <strong>{h.By}</strong>: {h.Summary}</li>""")))}</ol>
            """));
    }
}
