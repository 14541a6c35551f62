using System.Security.Cryptography;

namespace Emulation.Monitoring.Evidence;

/// <summary>A file refused on its way in: the status and the message the person sees beside the file field.</summary>
public sealed class EvidenceRefused(int status, string message) : Exception(message)
{
    public int Status => status;
}

/// <summary>The uploaded file as the store reads it: every chunk is counted against the limit, hashed and shown to
/// the content check as it passes, so a file that breaks a rule stops the store mid-way (which then keeps nothing)
/// and a file that passes arrives with its size and SHA-256 known, without ever being held whole.</summary>
public sealed class EvidenceIntake(Stream source, ContentCheck check, long maxBytes) : Stream
{
    readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    long _size;
    bool _ended;

    public long Size => _size;

    public string Sha256 => _ended ? Convert.ToHexStringLower(_hash.GetCurrentHash()) : throw new InvalidOperationException("the file has not been read to its end");

    // Called for every read of the upload: the awaiting state is pooled rather than allocated each time.
    [System.Runtime.CompilerServices.AsyncMethodBuilder(typeof(System.Runtime.CompilerServices.PoolingAsyncValueTaskMethodBuilder<>))]
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default)
    {
        var read = await source.ReadAsync(buffer, ct);
        if (read > 0 || !buffer.IsEmpty) Take(buffer.Span[..read]);
        return read;
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var read = source.Read(buffer, offset, count);
        if (read > 0 || count > 0) Take(buffer.AsSpan(offset, read));
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) =>
        ReadAsync(buffer.AsMemory(offset, count), ct).AsTask();

    void Take(ReadOnlySpan<byte> chunk)
    {
        if (chunk.IsEmpty)
        {
            if (_ended) return;
            _ended = true;
            if (check.Finish() is { } problem) throw new EvidenceRefused(400, problem);
            return;
        }
        _size += chunk.Length;
        if (_size > maxBytes) throw new EvidenceRefused(413, TooLarge(maxBytes));
        _hash.AppendData(chunk);
        check.Observe(chunk);
        if (check.Problem is { } wrong) throw new EvidenceRefused(400, wrong);
    }

    public static string TooLarge(long maxBytes) =>
        $"Tệp vượt quá dung lượng cho phép ({Megabytes(maxBytes)}). Hãy nén ảnh hoặc tách tài liệu rồi gửi lại.";

    public static string Megabytes(long bytes) => bytes % (1024 * 1024) == 0
        ? $"{bytes / (1024 * 1024)} MB"
        : (bytes / (1024d * 1024)).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture).Replace('.', ',') + " MB";

    protected override void Dispose(bool disposing)
    {
        if (disposing) _hash.Dispose();
        base.Dispose(disposing);
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _size; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
