using Emulation.Kernel.Security;
using Emulation.Kernel.Text;
using Emulation.Kernel.Web;
using Marten;
using Microsoft.AspNetCore.Http;

namespace Emulation.Kernel.Import;

/// <summary>What happens to a row when the upload is confirmed.</summary>
public enum RowFate { New, Unchanged, Updated, Refused }

/// <summary>How a confirmation treats refused rows: store every valid row, or store nothing unless every row is valid.</summary>
public enum ConfirmMode { AllValid, AllOrNothing }

/// <summary>One row of the preview: the key the template defines, a title people recognise, its fate and, if refused, why.</summary>
public sealed record PreviewRow(string Sheet, int Row, string Key, string Title, RowFate Fate, IReadOnlyList<RowError> Errors, string? Note = null);

public sealed record FateCounts(int New, int Unchanged, int Updated, int Refused)
{
    public int Total => New + Unchanged + Updated + Refused;

    public static FateCounts Of(IEnumerable<PreviewRow> rows)
    {
        var list = rows.ToList();
        return new(list.Count(r => r.Fate == RowFate.New), list.Count(r => r.Fate == RowFate.Unchanged),
            list.Count(r => r.Fate == RowFate.Updated), list.Count(r => r.Fate == RowFate.Refused));
    }
}

/// <summary>An uploaded, checked file kept until its owner confirms it (or it expires), then kept as the audit record
/// of the import: who, when, which file (its bytes and SHA-256), what the check found and what was stored. A module
/// derives its own document type from this one so the batch lives in the module's schema (as copies do, ADR 0012).</summary>
public abstract class ImportBatch
{
    /// <summary>How long an unconfirmed preview waits for its owner.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    public const int MaxFileBytes = 20 * 1024 * 1024;

    public Guid Id { get; set; }
    public Guid OwnerId { get; set; }
    public string OwnerName { get; set; } = "";
    public string FileName { get; set; } = "";
    public string Sha256 { get; set; } = "";
    public long Size { get; set; }
    public byte[] Content { get; set; } = [];
    public DateTimeOffset UploadedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public List<PreviewRow> Rows { get; set; } = [];
    public List<RowError> FileErrors { get; set; } = [];
    public FateCounts Checked { get; set; } = new(0, 0, 0, 0);

    public DateTimeOffset? ConfirmedAt { get; set; }
    public ConfirmMode? Mode { get; set; }
    /// <summary>What the confirmation found and did: the fates at confirmation (rows are checked again then).</summary>
    public FateCounts? Stored { get; set; }
    /// <summary>Why storing stopped part-way (someone stored some of the same rows at that moment), said with what was
    /// stored before; <see cref="Stored"/> then counts only those rows. Uploading the file again brings in the rest.</summary>
    public string? Stopped { get; set; }

    public bool Confirmed => ConfirmedAt is not null;

    /// <summary>A new upload of <paramref name="file"/> by <paramref name="owner"/>, kept for <see cref="Lifetime"/>.</summary>
    public static T Begin<T>(CurrentUser owner, UploadedWorkbook file, DateTimeOffset now) where T : ImportBatch, new() => new()
    {
        Id = Guid.NewGuid(), OwnerId = owner.Id, OwnerName = owner.FullName, FileName = file.FileName, Sha256 = file.Sha256,
        Size = file.Content.Length, Content = file.Content, UploadedAt = now, ExpiresAt = now + Lifetime
    };

    /// <summary>An owner's previews that expired unconfirmed are dropped when they upload again; confirmed ones stay as the audit.</summary>
    public static void DropExpired<T>(IDocumentSession session, Guid ownerId, DateTimeOffset now) where T : ImportBatch =>
        session.DeleteWhere<T>(b => b.OwnerId == ownerId && b.ConfirmedAt == null && b.ExpiresAt < now);

    /// <summary>A preview is its owner's working paper; administrators read every import as its audit.</summary>
    public static bool VisibleTo(ImportBatch? batch, CurrentUser user) => batch is not null && (batch.OwnerId == user.Id || user.IsAdmin);

    /// <summary>The recent uploads the import page lists: an administrator's list is everyone's (the audit), anyone else's their own.</summary>
    public static Task<IReadOnlyList<ImportListed>> RecentAsync<T>(IQuerySession session, CurrentUser user, CancellationToken ct) where T : ImportBatch =>
        (user.IsAdmin ? session.Query<T>() : session.Query<T>().Where(b => b.OwnerId == user.Id))
            .OrderByDescending(b => b.UploadedAt).Take(user.IsAdmin ? 30 : 10)
            .Select(b => new ImportListed(b.Id, b.FileName, b.OwnerName, b.UploadedAt, b.ExpiresAt, b.ConfirmedAt, b.Checked, b.Stored)).ToListAsync(ct);

    /// <summary>The name the refused rows of an upload download under.</summary>
    public static string RefusedFileName(string fileName)
    {
        var name = Path.GetFileNameWithoutExtension(fileName);
        return $"{(name.Length == 0 ? "tep-nhap" : name)}-dong-bi-tu-choi.xlsx";
    }
    public bool Expired(DateTimeOffset now) => !Confirmed && now >= ExpiresAt;

    /// <summary>Why a confirmation cannot go on, the same for every module's import: not the person's upload (404), already
    /// confirmed (409), expired (410), or no known mode (400 naming <c>mode</c>); null when it may.</summary>
    public static IResult? RefuseConfirmation(ImportBatch? batch, Guid userId, string? mode, DateTimeOffset now, string notFound)
    {
        if (batch is null || batch.OwnerId != userId) return Problems.NotFound(notFound);
        if (batch.Confirmed)
            return Problems.Conflict($"Tệp “{batch.FileName}” đã được xác nhận nhập lúc {Format.Time(batch.ConfirmedAt)}.");
        if (batch.Expired(now))
            return Results.Problem(title: "Bản xem trước đã hết hạn", statusCode: StatusCodes.Status410Gone,
                detail: $"Bản xem trước hết hạn lúc {Format.Time(batch.ExpiresAt)}. Hãy tải tệp lên lại để kiểm tra.");
        return ParseMode(mode) is null
            ? Problems.Validation("mode", "Hãy chọn cách nhập: “all-valid” (nhập các dòng hợp lệ) hoặc “all-or-nothing” (chỉ nhập khi mọi dòng hợp lệ).")
            : null;
    }

    /// <summary>Records on the stored batch that storing stopped after some transactions had committed: its
    /// <see cref="Stored"/> becomes what they stored (<paramref name="committed"/>: the fates of their rows), the reason is
    /// kept for the preview, and the 409 the owner gets says the same.</summary>
    public static async Task<IResult> StopPartWayAsync<T>(IDocumentStore store, Guid id, IEnumerable<RowFate> committed, FateCounts wanted)
        where T : ImportBatch
    {
        var fates = committed.ToList();
        var stored = new FateCounts(fates.Count(f => f == RowFate.New), wanted.Unchanged, fates.Count(f => f == RowFate.Updated), wanted.Refused);
        await using var session = store.LightweightSession();
        var batch = (await session.LoadAsync<T>(id, CancellationToken.None))!;
        batch.Stored = stored;
        batch.Stopped = stored.New + stored.Updated == 0
            ? "Không lưu được dòng nào: một số dòng của tệp vừa được lưu bởi một lần nhập hoặc đăng ký khác. Hãy tải tệp lên lại để xem các dòng còn lại."
            : $"Đã lưu {Format.Number(stored.New)}/{Format.Number(wanted.New)} dòng mới và {Format.Number(stored.Updated)}/{Format.Number(wanted.Updated)} dòng cập nhật, " +
              "rồi dừng lại vì một số dòng còn lại vừa được lưu bởi một lần nhập hoặc đăng ký khác. Hãy tải tệp lên lại: các dòng đã lưu sẽ hiện là “không đổi”, các dòng còn lại được kiểm tra lại.";
        session.Store(batch);
        await session.SaveChangesAsync(CancellationToken.None);
        return Problems.Conflict(batch.Stopped);
    }

    public static ConfirmMode? ParseMode(string? mode) => VietnameseText.Fold(mode).Replace(" ", "-") switch
    {
        "all-valid" or "allvalid" => ConfirmMode.AllValid,
        "all-or-nothing" or "allornothing" => ConfirmMode.AllOrNothing,
        _ => null
    };
}
