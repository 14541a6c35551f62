using Emulation.Review.Assignment;
using Emulation.Scope;

namespace Emulation.UnitTests.Reviewing;

/// <summary>Automatic conflicts: a role in the model's unit, its parent or its subtree; declared pairs; boards left out.</summary>
public sealed class ConflictTests
{
    sealed class U : UnitCopy;

    static readonly Guid Province = Guid.NewGuid(), District = Guid.NewGuid(), Ward = Guid.NewGuid(), Hamlet = Guid.NewGuid(),
        OtherWard = Guid.NewGuid(), Merged = Guid.NewGuid(), Model = Guid.NewGuid();
    static readonly Guid Parent = Guid.NewGuid(), Child = Guid.NewGuid(), Self = Guid.NewGuid(), Sibling = Guid.NewGuid(), Grand = Guid.NewGuid(), Joined = Guid.NewGuid();

    static readonly UnitTree<U> Tree = new([
        new U { Id = Province, Kind = "province", Active = true },
        new U { Id = District, Kind = "district", ParentId = Province, Active = true },
        new U { Id = Ward, Kind = "commune", ParentId = District, Active = true },
        new U { Id = Hamlet, Kind = "hamlet", ParentId = Ward, Active = true },
        new U { Id = OtherWard, Kind = "commune", ParentId = District, Active = true },
        new U { Id = Merged, Kind = "commune", ParentId = District, MergedInto = Ward, Active = false },
    ]);

    static readonly Conflicts<U> Rules = new(Tree, [
        new ReviewerTies(Parent, [District]), new ReviewerTies(Child, [Hamlet]), new ReviewerTies(Self, [Ward]),
        new ReviewerTies(Sibling, [OtherWard]), new ReviewerTies(Grand, [Province]), new ReviewerTies(Joined, [Merged])], [(Sibling, Model)]);

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, true)]
    [InlineData(2, true)]
    [InlineData(3, false)]
    [InlineData(4, false)]
    [InlineData(5, true)]
    public void A_role_in_the_unit_its_parent_or_its_subtree_is_a_conflict(int who, bool conflicted)
    {
        var reviewer = new[] { Parent, Child, Self, Sibling, Grand, Joined }[who];
        Assert.Equal(conflicted, Rules.Automatic(reviewer, Ward));
    }

    [Fact]
    public void A_declared_conflict_counts_for_that_model_only()
    {
        Assert.True(Rules.Between(Sibling, Model, Ward));
        Assert.False(Rules.Between(Sibling, Guid.NewGuid(), Ward));
        Assert.False(Rules.Between(Guid.NewGuid(), Model, Ward));
    }
}
