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

/// <summary>The template to fill, a preview to read, and the refused rows to fix (ADR 0036).</summary>
public static class ModelImportQueries
{
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [WolverineGet("/api/registry/import/template"), Authorize(Policy = Policies.SignedIn)]
    [ProducesResponseType(typeof(Stream), StatusCodes.Status200OK, Xlsx)]
    public static async Task<IResult> Template(IQuerySession session, UnitDirectory units, HttpContext ctx)
    {
        var context = await ModelContext.LoadAsync(ctx, session, units);
        if (!ModelImportRules.MayImport(context.Access.User)) return Problems.Forbidden(UploadModelImportEndpoint.NotAllowed);
        var template = new ModelTemplate(context, ModelImportRules.Units(context.Access));
        var bytes = TemplateWriter.Template("Mẫu nhập sổ đăng ký mô hình, điển hình “Dân vận khéo”", template.Sheets, ModelTemplate.Guidance);
        return Results.File(bytes, Xlsx, "mau-nhap-so-dang-ky-mo-hinh.xlsx");
    }

    [WolverineGet("/api/registry/import/{id}"), Authorize(Policy = Policies.SignedIn)]
    [ProducesResponseType<ImportPreview>(StatusCodes.Status200OK)]
    public static async Task<IResult> Preview(Guid id, IQuerySession session, HttpContext ctx, RowFate? fate, int? page, int? pageSize)
    {
        var batch = await session.LoadAsync<ModelImportBatch>(id, ctx.RequestAborted);
        if (!ImportBatch.VisibleTo(batch, ctx.CurrentUser())) return Problems.NotFound(ConfirmModelImportEndpoint.NotFound);
        return Results.Ok(ImportPreview.Page(batch!, fate, page, pageSize));
    }

    /// <summary>The refused rows as the register workbook, each with its reasons in a last column: fix and upload again.
    /// Checked again now, so what comes back is what is still refused.</summary>
    [WolverineGet("/api/registry/import/{id}/refused.xlsx"), Authorize(Policy = Policies.SignedIn)]
    [ProducesResponseType(typeof(Stream), StatusCodes.Status200OK, Xlsx)]
    public static async Task<IResult> Refused(Guid id, IQuerySession session, UnitDirectory units, HttpContext ctx, TimeProvider clock)
    {
        var batch = await session.LoadAsync<ModelImportBatch>(id, ctx.RequestAborted);
        if (!ImportBatch.VisibleTo(batch, ctx.CurrentUser())) return Problems.NotFound(ConfirmModelImportEndpoint.NotFound);
        var context = await ModelContext.LoadAsync(ctx, session, units);
        var check = await ModelImport.CheckAsync(batch!.Content, context, session, clock.VietnamToday(), ctx.RequestAborted);
        var bytes = TemplateWriter.Write("Các dòng bị từ chối: sửa theo cột “Lỗi cần sửa” rồi tải lên lại", check.Refused(), ModelTemplate.Guidance);
        return Results.File(bytes, Xlsx, ImportBatch.RefusedFileName(batch.FileName));
    }

}
