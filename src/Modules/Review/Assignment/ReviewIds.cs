using Emulation.Kernel.Identity;

namespace Emulation.Review.Assignment;

/// <summary>Stream ids named by what they are about (a UUID version 5 of the ids): the model's review in a round and a
/// reviewer's scorecard are found without a lookup, and two requests that start the same stream collide on its id.</summary>
public static class ReviewIds
{
    static readonly Guid Namespace = new("0b7e6a3c-58d2-4c1f-93a4-7e2d5f8c1a60");

    public static Guid ModelReview(Guid roundId, Guid modelId) => Of(1, roundId, modelId);

    public static Guid Scorecard(Guid roundId, Guid modelId, Guid reviewerId) => Of(2, roundId, modelId, reviewerId);

    /// <summary>A kind byte before the ids keeps a model's review and a scorecard of the same ids apart.</summary>
    static Guid Of(byte kind, params Guid[] ids)
    {
        var name = new byte[1 + 16 * ids.Length];
        name[0] = kind;
        for (var i = 0; i < ids.Length; i++) ids[i].TryWriteBytes(name.AsSpan(1 + 16 * i, 16), bigEndian: true, out _);
        return NameBasedId.Of(Namespace, name);
    }
}
