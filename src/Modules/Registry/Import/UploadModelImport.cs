using Emulation.Kernel;
using Emulation.Kernel.Import;
using Emulation.Kernel.Security;
using Emulation.Kernel.Web;
using Emulation.Registry.Models;
using Emulation.Registry.Units;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Emulation.Registry.Import;

/// <summary>The register workbook is uploaded and checked; nothing of it is stored but the upload itself, kept for its
/// owner to read the preview and confirm (ADR 0036).</summary>
public static class UploadModelImportEndpoint
{
    public const string NotAllowed = "Chỉ cán bộ đơn vị, Thư ký Ban và quản trị hệ thống được nhập sổ đăng ký từ Excel.";

    [WolverinePost("/api/registry/import"), Authorize(Policy = Policies.SignedIn), UploadedWorkbook]
    [ProducesResponseType<ImportPreview>(StatusCodes.Status201Created)]
    public static async Task<IResult> Post(HttpContext ctx, IDocumentSession session, UnitDirectory units, CheckedUploads checkedUploads,
        TimeProvider clock)
    {
        var ct = ctx.RequestAborted;
        var context = await ModelContext.LoadAsync(ctx, session, units);
        var user = context.Access.User;
        if (!ModelImportRules.MayImport(user)) return Problems.Forbidden(NotAllowed);
        var (file, refusal) = await UploadedWorkbook.ReadAsync(ctx.Request, ct);
        if (refusal is not null) return refusal;

        var now = clock.GetUtcNow();
        var mark = await StoreMark.ReadAsync(session.DocumentStore, ct);
        var check = await ModelImport.CheckAsync(file!.Content, context, session, now.VietnamDate(), ct);
        if (check.Plans.Count == 0)
        {
            var reasons = check.FileErrors.Select(e => e.Text).DefaultIfEmpty($"Sheet “{ModelTemplate.Dossiers}” không có dòng nào để nhập.").ToArray();
            return Problems.Validation(new Dictionary<string, string[]> { ["file"] = reasons });
        }

        ImportBatch.DropExpired<ModelImportBatch>(session, user.Id, now);
        var batch = ImportBatch.Begin<ModelImportBatch>(user, file, now);
        batch.Rows = check.Preview().ToList();
        batch.FileErrors = check.FileErrors.ToList();
        batch.Checked = check.Counts;
        session.Store(batch);
        checkedUploads.Keep(batch.Id, check, mark, user.Id, now.VietnamDate());
        return Results.Created($"/api/registry/import/{batch.Id}", ImportPreview.Of(batch));
    }
}
