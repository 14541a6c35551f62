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

    [Fact]
    public void Roles_at_the_rounds_own_board_are_no_tie_but_a_seat_on_a_communes_own_board_ties_to_the_commune()
    {
        Guid provincialBoard = Guid.NewGuid(), wardBoard = Guid.NewGuid();
        var tree = new Emulation.Review.Units.ReviewUnitTree([
            new() { Id = Province, Kind = "province", Active = true },
            new() { Id = provincialBoard, Kind = "board", ParentId = Province, CoversLevel = "tinh", Active = true },
            new() { Id = District, Kind = "district", ParentId = Province, Active = true },
            new() { Id = Ward, Kind = "commune", ParentId = District, Active = true },
            new() { Id = wardBoard, Kind = "board", ParentId = Ward, CoversLevel = "xa", Active = true },
            new() { Id = OtherWard, Kind = "commune", ParentId = District, Active = true },
        ]);
        var member = Emulation.Review.Reviewers.RoundReviewers.Ties(
            [("board-member", provincialBoard), ("expert", provincialBoard), ("board-secretary", wardBoard)], tree, provincialBoard);
        Assert.Equal([wardBoard], member);
        var rules = new Conflicts<Emulation.Review.Units.ReviewUnit>(tree, [new ReviewerTies(Self, member)], []);
        Assert.True(rules.Automatic(Self, Ward));
        Assert.False(rules.Automatic(Self, OtherWard));
        Assert.Empty(Emulation.Review.Reviewers.RoundReviewers.Ties([("board-member", provincialBoard)], tree, provincialBoard));
    }
}
