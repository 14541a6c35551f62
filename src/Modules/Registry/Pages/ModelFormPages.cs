using Emulation.Kernel.Web;
using Emulation.Registry.Models;
using Emulation.Registry.Units;
using Marten;
using Microsoft.AspNetCore.Http;
using P = Emulation.Kernel.Web.Page;

namespace Emulation.Registry.Pages;

/// <summary>The registration dossier form, for a new draft and for editing one.</summary>
public static class ModelFormPages
{
    public static async Task<IResult> New(HttpContext ctx, IQuerySession session, UnitDirectory units)
    {
        var context = await ModelContext.LoadAsync(ctx, session, units);
        if (context.Access.OfficerUnits.Count == 0) return await PageResults.Forbidden(ctx);
        return await P.Render(ctx, "Đăng ký mô hình, điển hình", Html.Of($"""
            <p>Hồ sơ được lưu dưới dạng bản nháp; đơn vị có thể sửa rồi mới gửi Ban Dân vận xem xét. Các mục có dấu <b>*</b> là bắt buộc khi gửi.</p>
            {P.ApiForm("POST", "/api/registry/models", "/mo-hinh/{id}", Fields(context, null, null), "Lưu bản nháp", "dossier")}
            """));
    }

    public static async Task<IResult> Edit(Guid id, HttpContext ctx, IQuerySession session, UnitDirectory units)
    {
        var context = await ModelContext.LoadAsync(ctx, session, units);
        var model = await session.Events.AggregateStreamAsync<Model>(id);
        if (model is null || !context.Access.CanSee(model)) return await PageResults.NotFound(ctx);
        if (!context.Access.CanActFor(model.UnitId) || !model.Editable) return await PageResults.Forbidden(ctx);
        var source = model.Details.ReplicatesModelId is { } r ? (await session.LoadAsync<ModelSummary>(r))?.RegistryCode : null;
        return await P.Render(ctx, "Sửa hồ sơ: " + model.Details.Name, Html.Of($"""
            <p><a href="/mo-hinh/{id.ToString()}">← Quay lại hồ sơ</a></p>
            {P.ApiForm("PUT", $"/api/registry/models/{id}", $"/mo-hinh/{id}", Html.Of($"{P.Hidden("version", model.Version, "int")}{Fields(context, model, source)}"), "Lưu thay đổi", "dossier")}
            """));
    }

    static RawHtml Fields(ModelContext context, Model? model, string? replicatesCode)
    {
        var d = model?.Details;
        var access = context.Access;
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        var periods = context.Periods.Where(p => p.OpenOn(today) || p.Id == d?.PeriodId).ToList();
        var unitField = model is not null ? RawHtml.Empty
            : access.OfficerUnits.Count == 1
                ? Html.Of($"""<p><strong>Đơn vị đăng ký:</strong> {access.Tree.Path(access.OfficerUnits[0])}</p>{P.Hidden("unitId", access.OfficerUnits[0])}""")
                : P.Select("unitId", "Đơn vị đăng ký", access.OfficerUnits.Select(u => (u.ToString(), access.Tree.Path(u))), required: true, emptyText: "(Chọn đơn vị)");
        var targets = d?.Targets.Count > 0 ? d.Targets : [new Target("", "", null, null, null)];
        var milestones = d?.Milestones.Count > 0 ? d.Milestones : [new Milestone(null, "")];

        return Html.Of($"""
            <fieldset class="panel"><legend>Thông tin chung</legend>
              {unitField}
              <div class="grid2">
                {P.Select("kind", "Loại đăng ký", Enum.GetValues<ModelKind>().Select(k => (k.ToString(), ModelLabels.Kind(k))), d?.Kind.ToString() ?? "Model", required: true)}
                {P.Select("periodId", "Kỳ đăng ký", periods.Select(p => (p.Id.ToString(), $"{p.Label} (hạn {p.RegistrationCloses:dd/MM/yyyy})")), d?.PeriodId.ToString(), required: true, emptyText: periods.Count == 0 ? "(Chưa có kỳ nào đang nhận đăng ký)" : "(Chọn kỳ)")}
              </div>
              {P.Field("name", "Tên mô hình, điển hình", d?.Name, required: true, maxLength: ModelRules.MaxName)}
              <div class="grid2">
                {P.Field("personName", "Họ tên cá nhân (điển hình cá nhân)", d?.PersonName, maxLength: ModelRules.MaxShort)}
                {P.Field("personPosition", "Chức vụ, nơi công tác", d?.PersonPosition, maxLength: ModelRules.MaxShort)}
                {P.Select("fieldCode", "Lĩnh vực", context.Catalog.Fields.Where(f => f.Active || f.Code == d?.FieldCode).Select(f => (f.Code, f.Name)), d?.FieldCode, required: true, emptyText: "(Chọn lĩnh vực)")}
                {P.Select("levelCode", "Cấp đăng ký", context.Catalog.Levels.Where(f => f.Active || f.Code == d?.LevelCode).Select(f => (f.Code, f.Name)), d?.LevelCode, required: true, emptyText: "(Chọn cấp)")}
              </div>
              {P.Field("replicatesCode", "Nhân rộng từ mô hình (mã đăng ký, nếu có)", replicatesCode, maxLength: 30, hint: "Ví dụ: CM-2023-0042")}
            </fieldset>
            <fieldset class="panel"><legend>Nội dung hồ sơ</legend>
              {P.TextArea("situation", "Thực trạng, lý do xây dựng", d?.Situation, required: true, maxLength: ModelRules.MaxText)}
              {P.TextArea("objectives", "Mục tiêu, tiêu chí đánh giá", d?.Objectives, required: true, maxLength: ModelRules.MaxText)}
              {P.TextArea("contentAndMethods", "Nội dung, cách làm", d?.ContentAndMethods, required: true, maxLength: ModelRules.MaxText)}
              <div class="grid2">
                {P.TextArea("area", "Địa bàn thực hiện", d?.Area, required: true, rows: 2, maxLength: ModelRules.MaxText)}
                {P.TextArea("targetGroup", "Đối tượng tác động", d?.TargetGroup, required: true, rows: 2, maxLength: ModelRules.MaxText)}
              </div>
            </fieldset>
            <fieldset class="panel"><legend>Chỉ tiêu đo được (ít nhất một)</legend>
              {Html.Join(targets.Select((t, i) => Html.Of($"""
                <div class="grid2 row" data-row-group="targets">
                  {P.Field($"targets[{i}].indicator", "Chỉ tiêu", t.Indicator, maxLength: ModelRules.MaxShort, hint: "Ví dụ: Thu nhập bình quân hộ")}
                  {P.Field($"targets[{i}].unitOfMeasure", "Đơn vị tính", t.UnitOfMeasure, maxLength: 50, hint: "Ví dụ: triệu đồng/năm")}
                  {P.Field($"targets[{i}].baseline", "Hiện tại", Emulation.Kernel.Text.VietnameseNumber.Text(t.Baseline), dataType: "number")}
                  {P.Field($"targets[{i}].targetValue", "Mục tiêu", Emulation.Kernel.Text.VietnameseNumber.Text(t.TargetValue), dataType: "number")}
                  {P.Field($"targets[{i}].dueDate", "Thời hạn", t.DueDate?.ToString("yyyy-MM-dd"), type: "date")}
                </div>
                """)))}
              <em class="field-error" data-for="targets"></em>
              <button type="button" class="secondary" data-add-row="targets">+ Thêm chỉ tiêu</button>
            </fieldset>
            <fieldset class="panel"><legend>Lực lượng, nguồn lực, tiến độ</legend>
              <div class="grid2">
                {P.TextArea("leadForce", "Lực lượng chủ trì và vai trò", d?.LeadForce, rows: 2, maxLength: ModelRules.MaxText)}
                {P.TextArea("coordinatingForces", "Lực lượng phối hợp và vai trò", d?.CoordinatingForces, rows: 2, maxLength: ModelRules.MaxText)}
                {P.TextArea("participatingForces", "Lực lượng tham gia", d?.ParticipatingForces, rows: 2, maxLength: ModelRules.MaxText)}
                {P.TextArea("facilities", "Cơ sở vật chất", d?.Facilities, rows: 2, maxLength: ModelRules.MaxText)}
                {P.Field("budget", "Kinh phí (đồng)", Emulation.Kernel.Text.VietnameseNumber.Text(d?.Budget), dataType: "number")}
                {P.Field("socialisedFunds", "Kinh phí xã hội hóa (đồng)", Emulation.Kernel.Text.VietnameseNumber.Text(d?.SocialisedFunds), dataType: "number")}
                {P.Field("workdays", "Ngày công", d?.Workdays?.ToString(), dataType: "int")}
                <span></span>
                {P.Field("startDate", "Ngày bắt đầu", d?.StartDate?.ToString("yyyy-MM-dd"), type: "date", required: true)}
                {P.Field("evaluationDate", "Ngày đánh giá", d?.EvaluationDate?.ToString("yyyy-MM-dd"), type: "date", required: true)}
              </div>
              <h3>Các mốc tiến độ</h3>
              {Html.Join(milestones.Select((m, i) => Html.Of($"""
                <div class="grid2 row" data-row-group="milestones">
                  {P.Field($"milestones[{i}].date", "Ngày", m.Date?.ToString("yyyy-MM-dd"), type: "date")}
                  {P.Field($"milestones[{i}].description", "Nội dung", m.Description, maxLength: ModelRules.MaxShort)}
                </div>
                """)))}
              <button type="button" class="secondary" data-add-row="milestones">+ Thêm mốc</button>
            </fieldset>
            <fieldset class="panel"><legend>Kết quả và khả năng nhân rộng</legend>
              {P.TextArea("outputs", "Sản phẩm, kết quả kiểm chứng được", d?.Outputs, maxLength: ModelRules.MaxText)}
              {P.TextArea("sustainability", "Khả năng duy trì, nhân rộng", d?.Sustainability, maxLength: ModelRules.MaxText)}
            </fieldset>
            """);
    }
}
