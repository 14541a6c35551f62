namespace Emulation.Monitoring.Evidence;

/// <summary>Watches a file go by, chunk after chunk, and says whether its content is what its name claims: the
/// signature at the start (known after the first 12 bytes) and, for Office containers, the part that tells a
/// document from a spreadsheet wherever it appears (also across chunk edges). Keeps a few bytes, never the file.</summary>
public sealed class ContentCheck(EvidenceKind expected, string fileName)
{
    readonly byte[] _head = new byte[EvidenceKinds.HeadLength];
    int _headLength;
    bool _headChecked;
    bool _partSeen = expected.Part is null;
    // The last bytes seen, one short of the part, in a buffer made once: a check runs for every read of the upload.
    readonly byte[] _tail = new byte[Math.Max(0, (expected.Part?.Length ?? 0) - 1)];
    int _tailLength;

    // A text kind is decoded as it streams: invalid UTF-8 or a NUL anywhere refuses it (a sequence split between two
    // reads waits in the decoder).
    readonly System.Text.Decoder? _utf8 = expected.Text ? new System.Text.UTF8Encoding(false, true).GetDecoder() : null;
    readonly char[] _chars = expected.Text ? new char[4096] : [];

    public string? Problem { get; private set; }

    public EvidenceKind Kind => expected;

    public void Observe(ReadOnlySpan<byte> chunk)
    {
        if (Problem is not null || chunk.IsEmpty) return;
        if (!_headChecked)
        {
            var take = Math.Min(chunk.Length, _head.Length - _headLength);
            chunk[..take].CopyTo(_head.AsSpan(_headLength));
            _headLength += take;
            if (_headLength == _head.Length) CheckHead();
        }
        if (!_partSeen) Look(chunk);
        if (_utf8 is not null && Problem is null) Decode(chunk, flush: false);
    }

    void Decode(ReadOnlySpan<byte> chunk, bool flush)
    {
        try
        {
            if (chunk.IndexOf((byte)0) >= 0) throw new System.Text.DecoderFallbackException();
            var completed = false;
            while (!completed)
            {
                _utf8!.Convert(chunk, _chars, flush, out var used, out _, out completed);
                chunk = chunk[used..];
            }
        }
        catch (System.Text.DecoderFallbackException)
        {
            Problem = $"Tệp “{fileName}” không phải là {expected.Name}: có ký tự không đọc được. Hãy lưu lại bảng tính dạng “CSV UTF-8” rồi gửi.";
        }
    }

    /// <summary>The end of the file: a short file is judged on what it has, and a container must have shown its part.</summary>
    public string? Finish()
    {
        if (Problem is not null) return Problem;
        if (_headLength == 0) return Problem = $"Tệp “{fileName}” rỗng.";
        if (!_headChecked) CheckHead();
        if (Problem is null && _utf8 is not null) Decode([], flush: true);
        if (Problem is null && !_partSeen)
            Problem = $"Tệp “{fileName}” không phải là {expected.Name} hợp lệ (thiếu phần nội dung chính của loại tệp này).";
        return Problem;
    }

    void CheckHead()
    {
        _headChecked = true;
        var head = _head.AsSpan(0, _headLength);
        if (expected.Starts(head)) return;
        var actual = EvidenceKinds.Describe(head);
        Problem = $"Nội dung tệp “{fileName}” không phải là {expected.Name} như tên tệp cho biết" +
                  (actual is null ? "." : $" (nội dung là {actual}).");
    }

    void Look(ReadOnlySpan<byte> chunk)
    {
        var part = expected.Part!;
        // A part split between two reads: the end of the previous one joined to the start of this one.
        if (_tailLength > 0)
        {
            var fromChunk = Math.Min(chunk.Length, part.Length - 1);
            Span<byte> joined = stackalloc byte[_tailLength + fromChunk];
            _tail.AsSpan(0, _tailLength).CopyTo(joined);
            chunk[..fromChunk].CopyTo(joined[_tailLength..]);
            if (joined.IndexOf(part) >= 0) { _partSeen = true; return; }
        }
        if (chunk.IndexOf(part) >= 0) { _partSeen = true; return; }
        var keep = Math.Min(_tail.Length, chunk.Length + _tailLength);
        var fromNew = Math.Min(keep, chunk.Length);
        var fromOld = keep - fromNew;
        _tail.AsSpan(_tailLength - fromOld, fromOld).CopyTo(_tail);
        chunk[^fromNew..].CopyTo(_tail.AsSpan(fromOld));
        _tailLength = keep;
    }
}
