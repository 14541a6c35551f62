using Emulation.Kernel;
using Emulation.Kernel.Import;
using Emulation.Kernel.Security;
using Emulation.Kernel.Text;
using Emulation.Kernel.Web;
using Emulation.Registry.Models;
using Emulation.Registry.Units;
using Marten;
using Marten.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using Wolverine.Http;

namespace Emulation.Registry.Import;

/// <param name="Mode"><c>all-valid</c>: every valid row goes in, the refused ones can be downloaded to fix;
/// <c>all-or-nothing</c>: nothing is stored unless every row is valid.</param>
public sealed record ConfirmModelImport(string? Mode);

public sealed record ImportConfirmed(Guid Id, ConfirmMode Mode, FateCounts Stored);

/// <summary>The owner confirms a checked upload. The file is checked again against the store as it is now (someone may
/// have registered a name or a code since the preview); nothing is stored if the mode asks for every row and one is
/// refused; then the stored rows are appended in batches (ADR 0036).</summary>
public static class ConfirmModelImportEndpoint
{
    public const string NotFound = "Không tìm thấy bản xem trước của tệp nhập liệu.";

    /// <summary>Streams appended per transaction. One transaction for a whole register stays open for many seconds while
    /// the event sequence numbers it took are already visible as a gap; the projection daemon then takes the gap for a
    /// rolled-back append and skips it, and the imported models never reach the list or the feeds. Batches of this size
    /// commit in well under the daemon's patience.</summary>
    public const int StreamsPerTransaction = 250;

    /// <summary>Confirmations of register imports go one at a time (ADR 0051).</summary>
    public const string Gate = "registry-import";

    [WolverinePost("/api/registry/import/{id}/confirm"), Authorize(Policy = Policies.SignedIn)]
    [ProducesResponseType<ImportConfirmed>(StatusCodes.Status200OK)]
    public static async Task<IResult> Post(Guid id, ConfirmModelImport command, IDocumentStore store, UnitDirectory units, CheckedUploads checkedUploads,
        HttpContext ctx, TimeProvider clock)
    {
        var ct = ctx.RequestAborted;
        var user = ctx.CurrentUser();
        var now = clock.GetUtcNow();
        var timing = new ServerTiming();
        await using var gate = await ImportGate.EnterAsync(store, Gate, ct);
        timing.Mark("gate");
        ModelImportBatch batch;
        ImportCheck check;
        Task<Dictionary<Guid, List<NearDuplicate>>> near;
        await using (var session = store.LightweightSession())
        {
            var loaded = await session.LoadAsync<ModelImportBatch>(id, ct);
            if (Refuse(loaded, user, command, now) is { } refusal) return refusal;
            batch = loaded!;
            timing.Mark("load");
            var mark = await StoreMark.ReadAsync(store, ct);
            var kept = checkedUploads.Take(batch.Id, mark, user.Id, now.VietnamDate());
            if (kept is not null) check = kept;
            else
            {
                var context = await ModelContext.LoadAsync(ctx, session, units);
                check = await ModelImport.CheckAsync(batch.Content, context, session, now.VietnamDate(), ct);
            }
            timing.Mark(kept is null ? "check" : "check-kept");
            if (ParseMode(command.Mode) == ConfirmMode.AllOrNothing && check.Counts.Refused > 0)
                return Problems.Validation("mode",
                    $"Có {Format.Number(check.Counts.Refused)} dòng bị từ chối nên không lưu dòng nào. Hãy tải các dòng bị từ chối về, sửa rồi tải lên lại, hoặc chọn nhập các dòng hợp lệ.");
            // The register's near-duplicates are looked up on another connection while the batch is marked.
            near = ModelImport.NearDuplicatesAsync(store, check.Plans, ct);
            // The batch is marked confirmed first, under its version: a second confirmation stops here with a 409.
            batch.ConfirmedAt = now;
            batch.Mode = ParseMode(command.Mode);
            batch.Stored = check.Counts;
            batch.Rows = check.Preview().ToList();
            session.Store(batch);
            await session.SaveChangesAsync(ct);
            timing.Mark("mark-confirmed");
        }

        var duplicates = await near;
        timing.Mark("near-duplicates");
        var committed = new List<ImportPlan>();
        try
        {
            foreach (var chunk in check.Plans.Where(p => p.Stores).Chunk(StreamsPerTransaction))
            {
                await using var connection = store.Storage.Database.CreateConnection();
                await connection.OpenAsync(ct);
                await using var transaction = await connection.BeginTransactionAsync(ct);
                await using var session = store.LightweightSession(SessionOptions.ForTransaction(transaction));
                var fresh = new ModelImport.NewModels();
                foreach (var plan in chunk)
                {
                    var source = new ModelImportSource(batch.Id, batch.FileName, ModelTemplate.Dossiers, plan.Model.Row.Number, plan.Model.RowCode);
                    check.Earlier.TryGetValue(ModelImportKey.For(plan.ProvinceId, plan.Model.Key), out var key);
                    ModelImport.Append(session, fresh, plan, source, user.Id, now, duplicates.GetValueOrDefault(plan.ModelId) ?? [], key);
                }
                ModelImport.AdvanceCounters(session, chunk.SelectMany(p => p.NewSteps).Select(s => s.Code).OfType<string>());
                var prepared = StreamCopy.Prepare<Model>(store, fresh.Streams);
                timing.Mark("build");
                await StreamCopy.AppendAsync(store, connection, prepared, now, ct);
                timing.Mark("events");
                await fresh.CopyDocumentsAsync(store, connection, now, ct);
                await session.SaveChangesAsync(ct);
                timing.Mark("documents");
                await transaction.CommitAsync(ct);
                committed.AddRange(chunk);
                timing.Mark("commit");
            }
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // A name, key or code of this file was stored a moment ago by a registration on the form (imports wait for
            // each other at the gate): the batches before stay stored, and the batch says so.
            return await ImportBatch.StopPartWayAsync<ModelImportBatch>(store, batch.Id, committed.Select(p => p.Fate), check.Counts);
        }
        ctx.Response.Headers["Server-Timing"] = timing.Header;
        return Results.Ok(new ImportConfirmed(batch.Id, batch.Mode!.Value, check.Counts));
    }

    public static IResult? Refuse(ModelImportBatch? batch, CurrentUser user, ConfirmModelImport command, DateTimeOffset now) =>
        ImportBatch.RefuseConfirmation(batch, user.Id, command.Mode, now, NotFound);

    public static ConfirmMode? ParseMode(string? mode) => ImportBatch.ParseMode(mode);
}
