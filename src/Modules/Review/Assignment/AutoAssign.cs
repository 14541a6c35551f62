namespace Emulation.Review.Assignment;

/// <summary>A model waiting for reviewers: its field (for expertise) and how many reviewers it already has.</summary>
public sealed record AssignSlot(Guid ModelId, string Field, IReadOnlyCollection<Guid> Assigned);

/// <summary>A reviewer who may be assigned: the fields they know and how many models they already review.</summary>
public sealed record AssignReviewer(Guid Id, IReadOnlySet<string> Fields, int Load);

public sealed record AssignPair(Guid ModelId, Guid ReviewerId);

/// <summary><see cref="Even"/> is false only when earlier manual assignments already left loads more than one apart:
/// the plan then fills the least loaded first instead of refusing.</summary>
public sealed record AssignPlan(IReadOnlyList<AssignPair> Pairs, string? Refusal, bool Even = true)
{
    public bool Refused => Refusal is not null;
}

/// <summary>Automatic assignment: every model gets up to <c>k</c> reviewers, never a conflicted one; the reviewers' loads
/// (what they already had plus what is added) end within one of each other; among reviewers with room left, those who
/// know the model's field come first, then the least loaded. Deterministic: the same input gives the same plan.
/// Loads are kept level by capacities fixed up front (the total divided among reviewers, the remainder one more each
/// for the first reviewers to reach it); a model whose free reviewers are all full takes one by a swap with a model
/// that another, non-full reviewer may take instead, as conference systems do with their matching.</summary>
public static class AutoAssign
{
    public static AssignPlan Plan(IReadOnlyList<AssignSlot> models, IReadOnlyList<AssignReviewer> reviewers, int k,
        Func<Guid, Guid, bool> conflicted)
    {
        var plan = Plan(models, reviewers, k, conflicted, even: true);
        var unevenBefore = reviewers.Count > 0 && reviewers.Max(r => r.Load) - reviewers.Min(r => r.Load) > 1;
        return plan.Refused && unevenBefore ? Plan(models, reviewers, k, conflicted, even: false) : plan;
    }

    static AssignPlan Plan(IReadOnlyList<AssignSlot> models, IReadOnlyList<AssignReviewer> reviewers, int k,
        Func<Guid, Guid, bool> conflicted, bool even)
    {
        if (k < 1) return Refuse("Số người thẩm định mỗi mô hình phải từ 1 trở lên.");
        if (reviewers.Count < k) return Refuse($"Chỉ có {reviewers.Count} người thẩm định, ít hơn {k} người cần cho mỗi mô hình.");

        var n = reviewers.Count;
        var order = reviewers.Select((r, i) => (r, i)).OrderBy(x => x.r.Id).Select(x => x.i).ToArray();
        var need = new int[models.Count];
        var eligible = new List<int>[models.Count];
        for (var m = 0; m < models.Count; m++)
        {
            var model = models[m];
            need[m] = Math.Max(0, k - model.Assigned.Count);
            if (need[m] == 0) continue;
            var list = new List<int>(n);
            foreach (var r in order)
                if (!model.Assigned.Contains(reviewers[r].Id) && !conflicted(reviewers[r].Id, model.ModelId)) list.Add(r);
            if (list.Count < need[m])
                return Refuse($"Mô hình {model.ModelId} chỉ còn {list.Count} người thẩm định không xung đột lợi ích, cần thêm {need[m]}: " +
                    "hãy mời thêm chuyên gia hoặc giảm số người mỗi mô hình.");
            eligible[m] = list;
        }

        var load = reviewers.Select(r => r.Load).ToArray();
        var total = load.Sum() + need.Sum();
        var floor = total / n;
        var extra = total % n;
        var atCeiling = load.Count(l => l > floor);
        int Cap(int r) => load[r] > floor || atCeiling < extra ? floor + 1 : floor;
        bool Free(int r) => !even || load[r] < Cap(r);

        var assigned = new List<int>[models.Count];
        // The most constrained models first: they have the fewest reviewers to choose from.
        var sequence = Enumerable.Range(0, models.Count).Where(m => need[m] > 0)
            .OrderBy(m => eligible[m].Count).ThenBy(m => models[m].ModelId).ToArray();
        foreach (var m in sequence)
        {
            var field = models[m].Field;
            var chosen = assigned[m] = new List<int>(need[m]);
            var ranked = eligible[m]
                .OrderBy(r => reviewers[r].Fields.Contains(field) ? 0 : 1).ThenBy(r => load[r])
                .ThenBy(r => Mix(models[m].ModelId, reviewers[r].Id));
            foreach (var r in ranked)
            {
                if (chosen.Count == need[m]) break;
                if (!Free(r)) continue;
                Take(r);
                chosen.Add(r);
            }
            while (chosen.Count < need[m])
            {
                if (!Swap(m)) return Refuse("Không thể chia đều số mô hình giữa những người thẩm định vì xung đột lợi ích: " +
                    "hãy mời thêm chuyên gia hoặc khai báo lại xung đột.");
            }
        }

        var pairs = new List<AssignPair>(need.Sum());
        for (var m = 0; m < models.Count; m++)
            if (assigned[m] is { } list) pairs.AddRange(list.Select(r => new AssignPair(models[m].ModelId, reviewers[r].Id)));
        return new AssignPlan(pairs, null, even);

        void Take(int r)
        {
            if (load[r] == floor) atCeiling++;
            load[r]++;
        }

        // Model m needs one more reviewer but its free choices are full: hand one of a full reviewer's models
        // to a reviewer who still has room and may take it, and give the full reviewer to m.
        bool Swap(int m)
        {
            var mine = assigned[m];
            foreach (var x in eligible[m])
            {
                if (mine.Contains(x)) continue;
                foreach (var other in sequence)
                {
                    if (assigned[other] is not { } theirs || !theirs.Contains(x)) continue;
                    foreach (var y in eligible[other])
                    {
                        if (y == x || theirs.Contains(y) || !Free(y)) continue;
                        theirs[theirs.IndexOf(x)] = y;
                        Take(y);
                        mine.Add(x);
                        return true;
                    }
                }
            }
            return false;
        }
    }

    static AssignPlan Refuse(string reason) => new([], reason);

    /// <summary>A stable tie-break that differs per model, so equal reviewers are not always taken in the same order.</summary>
    static ulong Mix(Guid model, Guid reviewer)
    {
        Span<byte> a = stackalloc byte[16], b = stackalloc byte[16];
        model.TryWriteBytes(a);
        reviewer.TryWriteBytes(b);
        ulong h = 1469598103934665603;
        for (var i = 0; i < 16; i++) h = (h ^ (byte)(a[i] ^ b[i])) * 1099511628211;
        return h;
    }
}
