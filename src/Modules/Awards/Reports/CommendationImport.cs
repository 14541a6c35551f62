using System.Security.Cryptography;
using System.Text;
using Emulation.Awards.Units;
using Emulation.Kernel;
using Emulation.Kernel.Import;
using Emulation.Kernel.Security;
using Emulation.Kernel.Text;
using Emulation.Kernel.Web;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Emulation.Awards.Reports;

/// <summary>An upload of a province's register of commendations already given, kept in Awards' schema until confirmed,
/// then as the import's audit (ADR 0033, on the import kit of ADR 0036).</summary>
public sealed class CommendationImportBatch : ImportBatch;

/// <summary>A commendation's row corrected by a later import of the same register (same row code, other content).</summary>
public sealed record PastCommendationAmended(Guid Id, PastCommendationImported Now, Guid By, DateTimeOffset At);

/// <summary>One row of the register, checked: what would be stored.</summary>
public sealed record CommendationPlan(SheetRow Row, string Key, Guid Id, PastCommendationImported? Event, RowFate Fate);

/// <summary>The commendations template and its check, pure given the lists it matches against.</summary>
public static class CommendationTemplate
{
    public const string Sheet = "Khen thưởng";
    const string Key = "Mã dòng", Campaign = "Đợt thi đua", Kind = "Đối tượng", Name = "Tên tập thể, cá nhân", Position = "Chức vụ",
        Unit = "Đơn vị", Code = "Mã đăng ký mô hình", Form = "Hình thức khen thưởng", Number = "Số quyết định", Date = "Ngày quyết định",
        Issuer = "Cơ quan ban hành";

    public static readonly IReadOnlyList<string> Guidance =
    [
        "Mỗi dòng là một tập thể hoặc một cá nhân đã được khen thưởng trước khi dùng hệ thống, theo sổ khen thưởng của tỉnh.",
        "“Mã dòng” là mã của dòng trong sổ của tỉnh: nhập lại cùng tệp không thêm gì; cùng mã với nội dung khác thì cập nhật dòng đã nhập.",
        "Ghi “Mã đăng ký mô hình” khi khen thưởng gắn với một mô hình đã có trong sổ đăng ký; nếu không, ghi “Đơn vị”.",
        "Ngày ghi ngày/tháng/năm (31/12/2023) hoặc ô ngày của Excel; số liệu báo cáo sơ kết tính theo ngày quyết định này."
    ];

    public static SheetSpec Spec(IEnumerable<ReportCampaign> campaigns, AwardsUnitTree tree, IEnumerable<Guid> units) => new(Sheet,
        "Khen thưởng đã có trước khi dùng hệ thống",
        [
            new(Key, Required: true, Width: 14, MaxLength: 50, Note: "Mã của dòng trong sổ của tỉnh, không trùng trong một đợt thi đua."),
            new(Campaign, CellKind.Choice, true, 30, new CodeList("Đợt thi đua", campaigns.Select(c => (c.Id.ToString(), c.Name)))),
            new(Kind, CellKind.Choice, true, 12, new CodeList("Đối tượng", RecipientKinds.All.Select(k => (k, RecipientKinds.Label(k))))),
            new(Name, Required: true, Width: 34, MaxLength: 300),
            new(Position, Width: 20, MaxLength: 200),
            new(Unit, CellKind.Choice, false, 34, new CodeList("Đơn vị", units.Select(u => (u.ToString(), $"{tree.Name(u)} ({tree.Find(u)?.Code})")),
                units.Select(u => (tree.Name(u), u.ToString())).Concat(units.Select(u => (tree.Find(u)?.Code ?? "", u.ToString()))))),
            new(Code, Width: 18, MaxLength: 50, Note: "Mã đăng ký của mô hình, điển hình được khen (nếu có)."),
            new(Form, Required: true, Width: 36, MaxLength: 200, Note: "Ví dụ: Bằng khen của Chủ tịch UBND tỉnh."),
            new(Number, Required: true, Width: 16, MaxLength: 50),
            new(Date, CellKind.Date, true, 14),
            new(Issuer, Width: 30, MaxLength: 200)
        ]);

    /// <summary>A commendation's stream id from its campaign and row code: the same row of the same register is the same stream.</summary>
    public static Guid IdFor(Guid campaign, string key)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"past-commendation/{campaign}/{VietnameseText.Fold(key)}"));
        return new Guid(hash.AsSpan(0, 16));
    }

    public static List<CommendationPlan> Check(IReadOnlyList<SheetRow> rows, IReadOnlyDictionary<string, ReportModel> models,
        IReadOnlyDictionary<Guid, PastCommendation> existing, AwardsUnitTree tree, DateOnly today, ImportSourceFile file, Guid by, DateTimeOffset now)
    {
        var plans = new List<CommendationPlan>();
        var seen = new HashSet<Guid>();
        foreach (var row in rows)
        {
            var key = row.Text(Key) ?? "";
            var campaign = row.Choice(Campaign) is { } c ? Guid.Parse(c) : (Guid?)null;
            var kind = row.Choice(Kind);
            var name = row.Text(Name);
            var position = row.Text(Position);
            var unit = row.Choice(Unit) is { } u ? Guid.Parse(u) : (Guid?)null;
            var code = row.Text(Code);
            var form = row.Text(Form);
            var number = row.Text(Number);
            var date = row.Date(Date);
            var issuer = row.Text(Issuer);
            ReportModel? model = null;
            if (code is not null && !models.TryGetValue(code, out model)) row.Fail(Code, $"Mã đăng ký “{code}” không có trong sổ đăng ký.");
            else if (model is not null && campaign is not null && model.CampaignId != campaign) row.Fail(Code, $"Mô hình “{code}” không thuộc đợt thi đua đã ghi.");
            if (code is null && unit is null && !row.Errors.Any(e => e.Column == Unit)) row.Fail(Unit, "Ghi đơn vị, hoặc mã đăng ký của mô hình được khen.");
            if (date > today) row.Fail(Date, "Ngày quyết định không được sau hôm nay.");
            var id = campaign is { } cid && key.Length > 0 ? IdFor(cid, key) : Guid.Empty;
            if (id != Guid.Empty && !seen.Add(id)) row.Fail(Key, $"Mã dòng “{key}” đã có ở một dòng trên trong tệp.");
            if (!row.Ok) { plans.Add(new(row, key, id, null, RowFate.Refused)); continue; }
            var unitId = unit ?? model!.UnitId;
            var e = new PastCommendationImported(id, campaign, model?.Id, model?.Code, kind!, name!, position, unitId, tree.Name(unitId), form!, number!, date!.Value,
                issuer ?? "", new ImportSource(file.ImportId, file.FileName, Sheet, row.Number, key), by, now);
            var fate = existing.TryGetValue(id, out var before) ? (Same(before, e) ? RowFate.Unchanged : RowFate.Updated) : RowFate.New;
            plans.Add(new(row, key, id, e, fate));
        }
        return plans;
    }

    /// <summary>A stored commendation as a row of the template: importing it again finds it unchanged.</summary>
    public static Dictionary<string, object?> Row(PastCommendation p, IReadOnlyDictionary<Guid, string> campaigns, AwardsUnitTree tree) => new()
    {
        [Key] = p.Source.RowCode ?? p.Id.ToString("N")[..12].ToUpperInvariant(),
        [Campaign] = p.CampaignId is { } c ? campaigns.GetValueOrDefault(c) : null, [Kind] = RecipientKinds.Label(p.RecipientKind), [Name] = p.Name,
        [Position] = p.Position, [Unit] = p.UnitId is { } u ? $"{tree.Name(u)} ({tree.Find(u)?.Code})" : null, [Code] = p.RegistryCode,
        [Form] = p.FormName, [Number] = p.DecisionNumber, [Date] = p.DecisionDate, [Issuer] = p.IssuedBy.Length == 0 ? null : p.IssuedBy
    };

    static bool Same(PastCommendation p, PastCommendationImported e) =>
        p.CampaignId == e.CampaignId && p.ModelId == e.ModelId && p.RecipientKind == e.RecipientKind && p.Name == e.Name && p.Position == e.Position
        && p.UnitId == e.UnitId && p.FormName == e.FormName && p.DecisionNumber == e.DecisionNumber && p.DecisionDate == e.DecisionDate && p.IssuedBy == e.IssuedBy;

    public static IEnumerable<PreviewRow> Preview(IEnumerable<CommendationPlan> plans) => plans.Select(p =>
        new PreviewRow(Sheet, p.Row.Number, p.Key, p.Event?.Name ?? p.Row.Cells.GetValueOrDefault(Name)?.ToString() ?? "", p.Fate, p.Row.Errors,
            p.Event is { } e ? $"{e.FormName}, QĐ {e.DecisionNumber} ngày {Format.Date(e.DecisionDate)}" : null));
}

public sealed record ImportSourceFile(Guid ImportId, string FileName);

/// <summary>The commendations register: template, upload with its preview, confirmation (ADR 0033). Administrators, board
/// secretaries and approvers import for the units they see.</summary>
public static class CommendationImportEndpoints
{
    public const string NotAllowed = "Chỉ Thư ký Ban, Lãnh đạo phê duyệt và quản trị hệ thống được nhập sổ khen thưởng từ Excel.";
    public const string NotFound = "Không tìm thấy bản xem trước của tệp nhập liệu.";

    public static bool MayImport(CurrentUser user) => user.IsAdmin || user.Has(Roles.BoardSecretary) || user.Has(Roles.Approver);

    static IEnumerable<Guid> Units(AwardsAccess access) => access.SeesAll
        ? access.Tree.All.Where(u => u.Active).Select(u => u.Id)
        : access.FullUnits.Concat(access.BoardUnits).Distinct();

    [WolverineGet("/api/awards/import/commendations/template"), Authorize(Policy = Policies.SignedIn)]
    [ProducesResponseType(typeof(Stream), StatusCodes.Status200OK, ReportEndpoints.Xlsx)]
    public static async Task<IResult> Template(IQuerySession session, AwardsUnits units, HttpContext ctx)
    {
        var access = await AwardsAccess.ForAsync(ctx, units);
        if (!MayImport(access.User)) return Problems.Forbidden(NotAllowed);
        var spec = CommendationTemplate.Spec(await CampaignReports.CampaignsAsync(session, ctx.RequestAborted), access.Tree, Units(access));
        return Results.File(TemplateWriter.Template("Mẫu nhập sổ khen thưởng", [spec], CommendationTemplate.Guidance), ReportEndpoints.Xlsx, "mau-nhap-khen-thuong.xlsx");
    }

    [WolverinePost("/api/awards/import/commendations"), Authorize(Policy = Policies.SignedIn), UploadedWorkbook]
    [ProducesResponseType<ImportPreview>(StatusCodes.Status201Created)]
    public static async Task<IResult> Upload(HttpContext ctx, IDocumentSession session, AwardsUnits units, TimeProvider clock)
    {
        var access = await AwardsAccess.ForAsync(ctx, units);
        if (!MayImport(access.User)) return Problems.Forbidden(NotAllowed);
        var (file, refusal) = await UploadedWorkbook.ReadAsync(ctx.Request, ctx.RequestAborted);
        if (refusal is not null) return refusal;
        var now = clock.GetUtcNow();
        var batch = ImportBatch.Begin<CommendationImportBatch>(access.User, file!, now);
        var (plans, errors, _) = await CheckAsync(batch, session, access, now, ctx.RequestAborted);
        if (plans.Count == 0)
            return Problems.Validation(new Dictionary<string, string[]>
                { ["file"] = errors.Select(e => e.Text).DefaultIfEmpty($"Sheet “{CommendationTemplate.Sheet}” không có dòng nào để nhập.").ToArray() });
        batch.Rows = CommendationTemplate.Preview(plans).ToList();
        batch.FileErrors = errors.ToList();
        batch.Checked = FateCounts.Of(batch.Rows);
        ImportBatch.DropExpired<CommendationImportBatch>(session, access.User.Id, now);
        session.Store(batch);
        return Results.Created($"/api/awards/import/commendations/{batch.Id}", ImportPreview.Of(batch));
    }

    [WolverineGet("/api/awards/import/commendations/{id}"), Authorize(Policy = Policies.SignedIn)]
    [ProducesResponseType<ImportPreview>(StatusCodes.Status200OK)]
    public static async Task<IResult> Preview(Guid id, IQuerySession session, HttpContext ctx, RowFate? fate, int? page, int? pageSize)
    {
        var batch = await session.LoadAsync<CommendationImportBatch>(id, ctx.RequestAborted);
        if (!ImportBatch.VisibleTo(batch, ctx.CurrentUser())) return Problems.NotFound(NotFound);
        return Results.Ok(ImportPreview.Page(batch!, fate, page, pageSize));
    }

    /// <summary>The refused rows as the template's sheet, each with its reasons in a last column: fix and upload again.
    /// Checked again now, so what comes back is what is still refused.</summary>
    [WolverineGet("/api/awards/import/commendations/{id}/refused.xlsx"), Authorize(Policy = Policies.SignedIn)]
    [ProducesResponseType(typeof(Stream), StatusCodes.Status200OK, ReportEndpoints.Xlsx)]
    public static async Task<IResult> Refused(Guid id, IQuerySession session, AwardsUnits units, HttpContext ctx, TimeProvider clock)
    {
        var batch = await session.LoadAsync<CommendationImportBatch>(id, ctx.RequestAborted);
        if (!ImportBatch.VisibleTo(batch, ctx.CurrentUser())) return Problems.NotFound(NotFound);
        var access = await AwardsAccess.ForAsync(ctx, units);
        var (plans, _, spec) = await CheckAsync(batch!, session, access, clock.GetUtcNow(), ctx.RequestAborted);
        var rows = plans.Where(p => p.Fate == RowFate.Refused).Select(p => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>(p.Row.Cells)
            { [TemplateWriter.ErrorColumn] = string.Join("\n", p.Row.Errors.Select(e => e.Text)) }).ToList();
        var bytes = TemplateWriter.Write("Các dòng bị từ chối: sửa theo cột “Lỗi cần sửa” rồi tải lên lại", [new(spec, rows, true)], CommendationTemplate.Guidance);
        return Results.File(bytes, ReportEndpoints.Xlsx, ImportBatch.RefusedFileName(batch!.FileName));
    }

    /// <summary>The register of commendations already imported, for the units the person sees, as the template: to move it
    /// to another database, or to correct it and import it again (the rows left as they are come back "unchanged").</summary>
    [WolverineGet("/api/awards/import/commendations/export"), Authorize(Policy = Policies.SignedIn)]
    [ProducesResponseType(typeof(Stream), StatusCodes.Status200OK, ReportEndpoints.Xlsx)]
    public static async Task<IResult> Export(IQuerySession session, AwardsUnits units, HttpContext ctx, string? campaign)
    {
        var access = await AwardsAccess.ForAsync(ctx, units);
        if (!MayImport(access.User)) return Problems.Forbidden(NotAllowed);
        Guid? campaignId = null;
        if (!string.IsNullOrWhiteSpace(campaign))
        {
            if (!Guid.TryParse(campaign, out var parsed)) return Problems.Validation("campaign", "Đợt thi đua không hợp lệ.");
            campaignId = parsed;
        }
        var campaigns = await CampaignReports.CampaignsAsync(session, ctx.RequestAborted);
        if (campaignId is { } wanted && campaigns.All(c => c.Id != wanted)) return Problems.NotFound("Không tìm thấy đợt thi đua.");
        var visible = Units(access).ToHashSet();
        var query = session.Query<PastCommendation>().Where(p => campaignId == null || p.CampaignId == campaignId);
        var stored = (await query.OrderBy(p => p.DecisionDate).ToListAsync(ctx.RequestAborted))
            .Where(p => access.SeesAll || p.UnitId is { } u && visible.Contains(u)).ToList();
        var names = campaigns.ToDictionary(c => c.Id, c => c.Name);
        var spec = CommendationTemplate.Spec(campaigns, access.Tree, Units(access));
        var rows = stored.Select(p => (IReadOnlyDictionary<string, object?>)CommendationTemplate.Row(p, names, access.Tree)).ToList();
        var bytes = TemplateWriter.Write("Sổ khen thưởng đã nhập, theo mẫu nhập liệu", [new(spec, rows)], CommendationTemplate.Guidance);
        return Results.File(bytes, ReportEndpoints.Xlsx, "so-khen-thuong-theo-mau-nhap.xlsx");
    }

    /// <summary>Checked again against the store as it is now, then every stored row in one transaction.</summary>
    [WolverinePost("/api/awards/import/commendations/{id}/confirm"), Authorize(Policy = Policies.SignedIn)]
    [ProducesResponseType<ImportPreview>(StatusCodes.Status200OK)]
    public static async Task<IResult> Confirm(Guid id, ConfirmCommendationImport command, IDocumentSession session, AwardsUnits units, HttpContext ctx, TimeProvider clock)
    {
        var batch = await session.LoadAsync<CommendationImportBatch>(id, ctx.RequestAborted);
        var access = await AwardsAccess.ForAsync(ctx, units);
        var now = clock.GetUtcNow();
        if (ImportBatch.RefuseConfirmation(batch, access.User.Id, command.Mode, now, NotFound) is { } refusal) return refusal;
        var mode = ImportBatch.ParseMode(command.Mode)!.Value;
        var (plans, _, _) = await CheckAsync(batch!, session, access, now, ctx.RequestAborted);
        var counts = FateCounts.Of(CommendationTemplate.Preview(plans));
        if (mode == ConfirmMode.AllOrNothing && counts.Refused > 0)
            return Problems.Validation("mode", $"Có {Format.Number(counts.Refused)} dòng bị từ chối nên không lưu dòng nào. Hãy sửa rồi tải lên lại, hoặc chọn nhập các dòng hợp lệ.");
        foreach (var plan in plans)
            if (plan.Fate == RowFate.New) session.Events.StartStream<PastCommendation>(plan.Id, plan.Event!);
            else if (plan.Fate == RowFate.Updated) session.Events.Append(plan.Id, new PastCommendationAmended(plan.Id, plan.Event!, access.User.Id, now));
        batch!.ConfirmedAt = now;
        batch.Mode = mode;
        batch.Stored = counts;
        batch.Rows = CommendationTemplate.Preview(plans).ToList();
        session.Store(batch);
        return Results.Ok(ImportPreview.Of(batch));
    }

    static async Task<(List<CommendationPlan> Plans, IReadOnlyList<RowError> Errors, SheetSpec Spec)> CheckAsync(CommendationImportBatch batch, IQuerySession session,
        AwardsAccess access, DateTimeOffset now, CancellationToken ct)
    {
        var campaigns = await CampaignReports.CampaignsAsync(session, ct);
        var spec = CommendationTemplate.Spec(campaigns, access.Tree, Units(access));
        var book = WorkbookReader.Read(batch.Content, [spec], [CommendationTemplate.Sheet]);
        var rows = book.Rows(CommendationTemplate.Sheet);
        var codes = rows.Select(r => SheetRow.CellText(r.Cells.GetValueOrDefault("Mã đăng ký mô hình"))).Where(c => c.Length > 0).Distinct().ToArray();
        var found = codes.Length == 0 ? [] : await session.Query<ReportModel>().Where(m => m.Code.IsOneOf(codes)).ToListAsync(ct);
        var visible = Units(access).ToHashSet();
        var models = found.Where(m => access.SeesAll || visible.Contains(m.UnitId)).GroupBy(m => m.Code!).ToDictionary(g => g.Key, g => g.First());
        var ids = campaigns.SelectMany(c => rows.Select(r => CommendationTemplate.IdFor(c.Id, SheetRow.CellText(r.Cells.GetValueOrDefault("Mã dòng"))))).ToArray();
        var existing = ids.Length == 0 ? [] : (await session.LoadManyAsync<PastCommendation>(ct, ids)).ToDictionary(p => p.Id);
        var plans = CommendationTemplate.Check(rows, models, existing, access.Tree, now.VietnamDate(), new ImportSourceFile(batch.Id, batch.FileName),
            access.User.Id, now);
        return (plans, book.FileErrors, spec);
    }
}

public sealed record ConfirmCommendationImport(string? Mode);
