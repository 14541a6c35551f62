using System.Security.Cryptography;

namespace Emulation.Review.Assignment;

/// <summary>Stream ids named by what they are about (a UUID version 5 of the ids): the model's review in a round and a
/// reviewer's scorecard are found without a lookup, and two requests that start the same stream collide on its id.</summary>
public static class ReviewIds
{
    static readonly Guid Namespace = new("0b7e6a3c-58d2-4c1f-93a4-7e2d5f8c1a60");

    public static Guid ModelReview(Guid roundId, Guid modelId) => Of(1, roundId, modelId);

    public static Guid Scorecard(Guid roundId, Guid modelId, Guid reviewerId) => Of(2, roundId, modelId, reviewerId);

    static Guid Of(byte kind, params Guid[] ids)
    {
        var input = new byte[17 + 16 * ids.Length];
        Namespace.TryWriteBytes(input.AsSpan(0, 16), bigEndian: true, out _);
        input[16] = kind;
        for (var i = 0; i < ids.Length; i++) ids[i].TryWriteBytes(input.AsSpan(17 + 16 * i, 16), bigEndian: true, out _);
        var hash = SHA1.HashData(input);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
