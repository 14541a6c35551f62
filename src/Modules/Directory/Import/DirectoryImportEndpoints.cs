using Emulation.Directory.People;
using Emulation.Directory.Units;
using Emulation.Kernel;
using Emulation.Kernel.Import;
using Emulation.Kernel.Security;
using Emulation.Kernel.Web;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Emulation.Directory.Import;

/// <summary>An upload of the Directory's workbook, kept in the Directory's schema until confirmed, then as the import's
/// audit: who, when, which file (bytes and SHA-256), what the check found and what was stored (ADR 0041).</summary>
public sealed class DirectoryImportBatch : ImportBatch;

/// <param name="Mode"><c>all-valid</c>: every valid row goes in; <c>all-or-nothing</c>: nothing unless every row is valid.</param>
public sealed record ConfirmDirectoryImport(string? Mode);

public sealed record DirectoryImportConfirmed(Guid Id, ConfirmMode Mode, FateCounts Stored);

/// <summary>The Directory's workbook: template, export, upload with its preview, confirmation and refused rows. Only
/// administrators import, as only they register units and people on the forms (ADR 0041).</summary>
public static class DirectoryImportEndpoints
{
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string NotFound = "Không tìm thấy bản xem trước của tệp nhập liệu.";
    const string Title = "Mẫu nhập đơn vị, người dùng và vai trò";

    /// <summary>Streams appended per transaction, as the register's import does (ADR 0036): a long transaction leaves a gap
    /// in the event sequence that the projection daemon may skip.</summary>
    public const int StreamsPerTransaction = 250;

    /// <summary>Confirmations of Directory imports go one at a time (ADR 0051).</summary>
    public const string Gate = "directory-import";

    [WolverineGet("/api/directory/import/template"), Authorize(Policy = Policies.Admin)]
    [ProducesResponseType(typeof(Stream), StatusCodes.Status200OK, Xlsx)]
    public static async Task<IResult> Template(IQuerySession session, HttpContext ctx) =>
        Results.File(TemplateWriter.Template(Title, DirectoryTemplate.Sheets(await BoardLevels.AllAsync(session, ctx.RequestAborted)), DirectoryTemplate.Guidance),
            Xlsx, "mau-nhap-don-vi-nguoi-dung.xlsx");

    /// <summary>The Directory as it stands, as a filled template: to edit and import again, or to check a round trip.</summary>
    [WolverineGet("/api/directory/import/export"), Authorize(Policy = Policies.Admin)]
    [ProducesResponseType(typeof(Stream), StatusCodes.Status200OK, Xlsx)]
    public static async Task<IResult> Export(IQuerySession session, HttpContext ctx)
    {
        var tree = await UnitQueries.TreeAsync(session);
        var people = await session.Query<Person>().ToListAsync(ctx.RequestAborted);
        var bytes = TemplateWriter.Write("Đơn vị, người dùng và vai trò đang có trong hệ thống", DirectoryTemplate.Export(tree, people, await BoardLevels.AllAsync(session, ctx.RequestAborted)),
            DirectoryTemplate.Guidance);
        return Results.File(bytes, Xlsx, "don-vi-nguoi-dung.xlsx");
    }

    [WolverinePost("/api/directory/import"), Authorize(Policy = Policies.Admin), UploadedWorkbook]
    [ProducesResponseType<ImportPreview>(StatusCodes.Status201Created)]
    public static async Task<IResult> Upload(HttpContext ctx, IDocumentSession session, TimeProvider clock)
    {
        var user = ctx.CurrentUser();
        var (file, refusal) = await UploadedWorkbook.ReadAsync(ctx.Request, ctx.RequestAborted);
        if (refusal is not null) return refusal;
        var now = clock.GetUtcNow();
        var check = await CheckAsync(file!.Content, file.FileName, session, user.Id, now, ctx.RequestAborted);
        if (check.Plans.Count == 0)
            return Problems.Validation(new Dictionary<string, string[]>
            {
                ["file"] = check.FileErrors.Select(e => e.Text)
                    .DefaultIfEmpty($"Tệp không có dòng nào để nhập ở các sheet {string.Join(", ", DirectoryTemplate.SheetNames)}.").ToArray()
            });
        ImportBatch.DropExpired<DirectoryImportBatch>(session, user.Id, now);
        var batch = ImportBatch.Begin<DirectoryImportBatch>(user, file, now);
        batch.Rows = check.Preview().ToList();
        batch.FileErrors = check.FileErrors.ToList();
        batch.Checked = check.Counts;
        session.Store(batch);
        return Results.Created($"/api/directory/import/{batch.Id}", ImportPreview.Of(batch));
    }

    [WolverineGet("/api/directory/import/{id}"), Authorize(Policy = Policies.Admin)]
    [ProducesResponseType<ImportPreview>(StatusCodes.Status200OK)]
    public static async Task<IResult> Preview(Guid id, IQuerySession session, HttpContext ctx, RowFate? fate, int? page, int? pageSize)
    {
        var batch = await session.LoadAsync<DirectoryImportBatch>(id, ctx.RequestAborted);
        if (!ImportBatch.VisibleTo(batch, ctx.CurrentUser())) return Problems.NotFound(NotFound);
        return Results.Ok(ImportPreview.Page(batch!, fate, page, pageSize));
    }

    /// <summary>The owner confirms: the file is checked again against the Directory as it is now, the batch is marked
    /// confirmed under its version (a second confirmation: 409), then the rows' events are appended, units first.</summary>
    [WolverinePost("/api/directory/import/{id}/confirm"), Authorize(Policy = Policies.Admin)]
    [ProducesResponseType<DirectoryImportConfirmed>(StatusCodes.Status200OK)]
    public static async Task<IResult> Confirm(Guid id, ConfirmDirectoryImport command, IDocumentStore store, HttpContext ctx, TimeProvider clock)
    {
        var ct = ctx.RequestAborted;
        var user = ctx.CurrentUser();
        var now = clock.GetUtcNow();
        DirectoryImportCheck check;
        DirectoryImportBatch batch;
        await using var gate = await ImportGate.EnterAsync(store, Gate, ct);
        await using (var session = store.LightweightSession())
        {
            var loaded = await session.LoadAsync<DirectoryImportBatch>(id, ct);
            if (ImportBatch.RefuseConfirmation(loaded, user.Id, command.Mode, now, NotFound) is { } refusal) return refusal;
            batch = loaded!;
            check = await CheckAsync(batch.Content, batch.FileName, session, user.Id, now, ct);
            var mode = ImportBatch.ParseMode(command.Mode)!.Value;
            if (mode == ConfirmMode.AllOrNothing && check.Counts.Refused > 0)
                return Problems.Validation("mode",
                    $"Có {Format.Number(check.Counts.Refused)} dòng bị từ chối nên không lưu dòng nào. Hãy tải các dòng bị từ chối về, sửa rồi tải lên lại, hoặc chọn nhập các dòng hợp lệ.");
            batch.ConfirmedAt = now;
            batch.Mode = mode;
            batch.Stored = check.Counts;
            batch.Rows = check.Preview().ToList();
            session.Store(batch);
            await session.SaveChangesAsync(ct);
        }

        var streams = check.Plans.Where(p => p.Stores).GroupBy(p => p.StreamId).ToList();
        var committed = new List<RowPlan>();
        try
        {
            foreach (var chunk in streams.Chunk(StreamsPerTransaction))
            {
                await using var session = store.LightweightSession();
                foreach (var stream in chunk)
                {
                    var events = stream.SelectMany(p => p.Events).ToArray();
                    var first = stream.First();
                    if (!first.StartsStream) { session.Events.Append(stream.Key, events); continue; }
                    if (first.Row.Sheet == DirectoryTemplate.Units) session.Events.StartStream<Unit>(stream.Key, events);
                    else
                    {
                        session.Events.StartStream<Person>(stream.Key, events);
                        // No password: the account cannot sign in until an administrator sets one (ADR 0041). Inserted, so a
                        // user name registered on the form meanwhile collides instead of being shared.
                        session.Insert(new Credential { Id = ((PersonRegistered)events[0]).UserName, PersonId = stream.Key, PasswordHash = "" });
                    }
                }
                await session.SaveChangesAsync(ct);
                committed.AddRange(chunk.SelectMany(s => s));
            }
        }
        catch (Exception e) when (e is JasperFx.DocumentAlreadyExistsException or JasperFx.Events.ExistingStreamIdCollisionException
                                       or Marten.Exceptions.ExistingStreamIdCollisionException)
        {
            // A user name or a unit of this file was stored a moment ago through the Directory's forms (imports wait for
            // each other at the gate): the transactions before stay stored, and the batch says so.
            return await ImportBatch.StopPartWayAsync<DirectoryImportBatch>(store, batch.Id, committed.Select(p => p.Fate), check.Counts);
        }
        return Results.Ok(new DirectoryImportConfirmed(batch.Id, batch.Mode!.Value, check.Counts));
    }

    /// <summary>The refused rows as the workbook, each with its reasons in a last column; checked again now.</summary>
    [WolverineGet("/api/directory/import/{id}/refused.xlsx"), Authorize(Policy = Policies.Admin)]
    [ProducesResponseType(typeof(Stream), StatusCodes.Status200OK, Xlsx)]
    public static async Task<IResult> Refused(Guid id, IQuerySession session, HttpContext ctx, TimeProvider clock)
    {
        var batch = await session.LoadAsync<DirectoryImportBatch>(id, ctx.RequestAborted);
        if (!ImportBatch.VisibleTo(batch, ctx.CurrentUser())) return Problems.NotFound(NotFound);
        var check = await CheckAsync(batch!.Content, batch.FileName, session, ctx.CurrentUser().Id, clock.GetUtcNow(), ctx.RequestAborted);
        var bytes = TemplateWriter.Write("Các dòng bị từ chối: sửa theo cột “Lỗi cần sửa” rồi tải lên lại", check.Refused(), DirectoryTemplate.Guidance);
        return Results.File(bytes, Xlsx, ImportBatch.RefusedFileName(batch.FileName));
    }

    /// <summary>Only administrators import, and every administrator reads every import as its audit (as in the other
    public static async Task<DirectoryImportCheck> CheckAsync(byte[] content, string fileName, IQuerySession session, Guid by, DateTimeOffset now,
        CancellationToken ct)
    {
        var levels = await BoardLevels.AllAsync(session, ct);
        var book = WorkbookReader.Read(content, DirectoryTemplate.Sheets(levels));
        var units = await session.Query<Unit>().ToListAsync(ct);
        var people = await session.Query<Person>().ToListAsync(ct);
        return DirectoryImport.Check(book, units, people, fileName, by, now, levels);
    }
}
