using System.Security.Cryptography;

namespace Emulation.Kernel.Identity;

/// <summary>Name-based (version 5, RFC 9562) UUIDs: a stream named by what it is about (a model's followed stream, a
/// round's decisions) has the same id on every node and every replay, and two requests that start it collide on it.</summary>
public static class NameBasedId
{
    /// <summary>The UUID of <paramref name="ids"/> (big-endian, in order) in <paramref name="space"/>.</summary>
    public static Guid Of(Guid space, params ReadOnlySpan<Guid> ids)
    {
        Span<byte> name = stackalloc byte[16 * ids.Length];
        for (var i = 0; i < ids.Length; i++) ids[i].TryWriteBytes(name.Slice(16 * i, 16), bigEndian: true, out _);
        return Of(space, name);
    }

    /// <summary>The UUID of the bytes <paramref name="name"/> in <paramref name="space"/>.</summary>
    public static Guid Of(Guid space, ReadOnlySpan<byte> name)
    {
        var input = new byte[16 + name.Length];
        space.TryWriteBytes(input.AsSpan(0, 16), bigEndian: true, out _);
        name.CopyTo(input.AsSpan(16));
        Span<byte> hash = stackalloc byte[20];
        SHA1.HashData(input, hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }
}
