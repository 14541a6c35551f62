using System.Security.Cryptography;
using System.Text;

namespace Emulation.IntegrationTests.Support;

/// <summary>Files for evidence tests made on the fly: a stream of deterministic bytes of any length that never exists
/// whole in memory (so the test client adds no copy of its own to the host's measured memory), optionally failing
/// part-way like a dropped connection.</summary>
public sealed class GeneratedFile(long length, byte[]? head = null, long? failAt = null, int seed = 7) : Stream
{
    readonly byte[] _head = head ?? [];
    long _position;
    ulong _state = (ulong)seed * 0x9E3779B97F4A7C15UL + 1;

    public static byte[] PdfHead => Encoding.ASCII.GetBytes("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");

    /// <summary>The SHA-256 of the same bytes, computed by reading a second copy of the stream.</summary>
    public static string Sha256Of(Func<Stream> make)
    {
        using var stream = make();
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (failAt is { } f && _position >= f) throw new IOException("the connection dropped (test)");
        var n = (int)Math.Min(buffer.Length, length - _position);
        if (failAt is { } limit) n = (int)Math.Min(n, limit - _position);
        for (var i = 0; i < n; i++)
        {
            var at = _position + i;
            if (at < _head.Length) { buffer[i] = _head[at]; continue; }
            _state ^= _state << 13; _state ^= _state >> 7; _state ^= _state << 17;
            buffer[i] = (byte)_state;
        }
        _position += n;
        return n;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default) => ValueTask.FromResult(Read(buffer.Span));
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) => Task.FromResult(Read(buffer, offset, count));
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => length;
    public override long Position { get => _position; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
