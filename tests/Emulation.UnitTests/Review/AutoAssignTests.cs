using Emulation.Review.Assignment;

namespace Emulation.UnitTests.Reviewing;

/// <summary>Automatic assignment: k per model, loads within one, expertise preferred, conflicts never, refusals that say why.</summary>
public sealed class AutoAssignTests
{
    static readonly string[] Fields = ["kinh-te", "van-hoa", "an-ninh", "moi-truong"];

    static AssignReviewer Reviewer(int i, params string[] fields) => new(Id(1, i), fields.ToHashSet(), 0);
    static AssignSlot Model(int i, string field = "kinh-te") => new(Id(2, i), field, []);
    static Guid Id(int kind, int i) => new($"{kind:x8}-0000-0000-0000-{i:x12}");

    static void AssertSound(AssignPlan plan, IReadOnlyList<AssignSlot> models, IReadOnlyList<AssignReviewer> reviewers, int k, Func<Guid, Guid, bool> conflicted)
    {
        Assert.Null(plan.Refusal);
        Assert.True(plan.Even);
        foreach (var m in models)
        {
            var mine = plan.Pairs.Where(p => p.ModelId == m.ModelId).Select(p => p.ReviewerId).ToList();
            Assert.Equal(k - m.Assigned.Count, mine.Count);
            Assert.Equal(mine.Count, mine.Distinct().Count());
            Assert.DoesNotContain(mine, r => m.Assigned.Contains(r) || conflicted(r, m.ModelId));
        }
        var loads = reviewers.Select(r => r.Load + plan.Pairs.Count(p => p.ReviewerId == r.Id)).ToList();
        Assert.True(loads.Max() - loads.Min() <= 1, $"loads {string.Join(",", loads)}");
    }

    [Fact]
    public void Every_model_gets_k_reviewers_and_loads_differ_by_at_most_one()
    {
        var models = Enumerable.Range(0, 101).Select(i => Model(i, Fields[i % 4])).ToList();
        var reviewers = Enumerable.Range(0, 7).Select(i => Reviewer(i, Fields[i % 4])).ToList();
        var plan = AutoAssign.Plan(models, reviewers, 3, (_, _) => false);
        AssertSound(plan, models, reviewers, 3, (_, _) => false);
        Assert.Equal(303, plan.Pairs.Count);
    }

    [Fact]
    public void Conflicted_pairs_are_never_made_even_when_conflicts_are_many()
    {
        var models = Enumerable.Range(0, 60).Select(i => Model(i)).ToList();
        var reviewers = Enumerable.Range(0, 6).Select(i => Reviewer(i)).ToList();
        // Each model is conflicted with two of the six reviewers: three of the remaining four must take it.
        bool Conflicted(Guid r, Guid m) => (r.GetHashCode() ^ m.GetHashCode()) % 3 == 0 ||
            reviewers.IndexOf(reviewers.First(x => x.Id == r)) % 6 == models.FindIndex(x => x.ModelId == m) % 6;
        var plan = AutoAssign.Plan(models, reviewers, 3, Conflicted);
        Assert.Null(plan.Refusal);
        foreach (var p in plan.Pairs) Assert.False(Conflicted(p.ReviewerId, p.ModelId));
    }

    [Fact]
    public void Reviewers_who_know_the_field_are_preferred()
    {
        var models = Enumerable.Range(0, 40).Select(i => Model(i, i < 20 ? "kinh-te" : "van-hoa")).ToList();
        var reviewers = new[] { Reviewer(0, "kinh-te"), Reviewer(1, "kinh-te"), Reviewer(2, "van-hoa"), Reviewer(3, "van-hoa") };
        var plan = AutoAssign.Plan(models, reviewers, 1, (_, _) => false);
        AssertSound(plan, models, reviewers, 1, (_, _) => false);
        Assert.All(plan.Pairs, p => Assert.Contains(models.First(m => m.ModelId == p.ModelId).Field, reviewers.First(r => r.Id == p.ReviewerId).Fields));
    }

    [Fact]
    public void The_same_input_gives_the_same_plan()
    {
        var models = Enumerable.Range(0, 50).Select(i => Model(i, Fields[i % 4])).ToList();
        var reviewers = Enumerable.Range(0, 9).Select(i => Reviewer(i, Fields[i % 3])).ToList();
        var first = AutoAssign.Plan(models, reviewers, 3, (r, m) => r == reviewers[0].Id && m == models[0].ModelId);
        var shuffled = AutoAssign.Plan(models.AsEnumerable().Reverse().ToList(), reviewers.AsEnumerable().Reverse().ToList(), 3, (r, m) => r == reviewers[0].Id && m == models[0].ModelId);
        Assert.Equal(first.Pairs.OrderBy(p => p.ModelId).ThenBy(p => p.ReviewerId), shuffled.Pairs.OrderBy(p => p.ModelId).ThenBy(p => p.ReviewerId));
    }

    [Fact]
    public void Existing_assignments_count_toward_k_and_the_loads()
    {
        var reviewers = Enumerable.Range(0, 4).Select(i => Reviewer(i) with { Load = i == 0 ? 2 : 0 }).ToList();
        var models = new[] { new AssignSlot(Id(2, 0), "kinh-te", [reviewers[0].Id]), new AssignSlot(Id(2, 1), "kinh-te", [reviewers[0].Id]), Model(2), Model(3) };
        var plan = AutoAssign.Plan(models, reviewers, 2, (_, _) => false);
        AssertSound(plan, models, reviewers, 2, (_, _) => false);
        Assert.DoesNotContain(plan.Pairs, p => p.ReviewerId == reviewers[0].Id);
    }

    [Fact]
    public void A_model_with_too_few_unconflicted_reviewers_is_refused_with_the_reason()
    {
        var models = new[] { Model(0), Model(1) };
        var reviewers = Enumerable.Range(0, 3).Select(i => Reviewer(i)).ToList();
        var plan = AutoAssign.Plan(models, reviewers, 3, (r, m) => r == reviewers[2].Id && m == models[1].ModelId);
        Assert.Empty(plan.Pairs);
        Assert.Contains("không xung đột lợi ích", plan.Refusal);
        Assert.Contains(models[1].ModelId.ToString(), plan.Refusal);
    }

    [Fact]
    public void Fewer_reviewers_than_k_is_refused()
    {
        var plan = AutoAssign.Plan([Model(0)], [Reviewer(0), Reviewer(1)], 3, (_, _) => false);
        Assert.Equal("Chỉ có 2 người thẩm định, ít hơn 3 người cần cho mỗi mô hình.", plan.Refusal);
    }

    /// <summary>Full size, checked for soundness only: the time is measured by `./build.sh bench --review`, never asserted in a test.</summary>
    [Fact]
    public void Five_thousand_models_times_three_among_sixty_reviewers_are_assigned_soundly()
    {
        var models = Enumerable.Range(0, 5000).Select(i => Model(i, Fields[i % 4])).ToList();
        var reviewers = Enumerable.Range(0, 60).Select(i => Reviewer(i, Fields[i % 4], Fields[(i + 1) % 4])).ToList();
        bool Conflicted(Guid r, Guid m) => (r.GetHashCode() + m.GetHashCode()) % 29 == 0;
        var plan = AutoAssign.Plan(models, reviewers, 3, Conflicted);
        AssertSound(plan, models, reviewers, 3, Conflicted);
    }
}
