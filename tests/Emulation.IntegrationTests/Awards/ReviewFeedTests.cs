using System.Net;
using Emulation.Awards.Proposals;
using Emulation.Scope;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Emulation.IntegrationTests.Awards;

/// <summary>Review's feed (ADR 0028): a round's proposals reach Awards' copy, published once the round closes, and a
/// deleted copy is filled again by replaying the feed.</summary>
[Collection(AppCollection.Name)]
public sealed class ReviewFeedTests(AppFixture app)
{
    [Fact]
    public async Task A_round_closed_in_review_shows_its_proposals_in_awards_and_a_replay_fills_a_deleted_copy()
    {
        var (round, models) = await app.ProposedRound(2, publish: false);
        var unpublished = await app.ProposalCopy(round);
        Assert.NotNull(unpublished);
        Assert.False(unpublished.Published);
        Assert.Equal(2, unpublished.Proposals.Count);

        using var secretary = await app.As(ReviewScenarios.Secretary);
        (await secretary.Move(round, "closed", 4)).Expect(HttpStatusCode.OK);
        await app.WaitForReviewFeed();
        var copy = await app.ProposalCopy(round);
        Assert.True(copy!.Published);
        Assert.True(copy.SourceVersion > unpublished.SourceVersion);
        var proposal = Assert.Single(copy.Proposals, p => p.ModelId == models[0]);
        Assert.Equal("bang-khen-tinh", proposal.Level);
        Assert.Equal("collective", proposal.RecipientKind);
        Assert.Equal("Phường 1", proposal.Name);
        Assert.Contains("Được nhân dân đồng tình", proposal.Achievement);

        var lists = (await secretary.Get("/api/awards/proposals")).Expect(HttpStatusCode.OK).Body.EnumerateArray();
        Assert.Contains(lists, l => l.GetProperty("roundId").GetGuid() == round && l.GetProperty("proposed").GetInt32() == 2);

        var store = app.Services.GetRequiredService<IDocumentStore>();
        await using (var session = store.LightweightSession())
        {
            session.Delete<ProposalList>(round);
            await session.SaveChangesAsync();
        }
        Assert.Null(await app.ProposalCopy(round));
        await app.Services.GetRequiredService<Feeds>().ReplayAsync(Feed.Review);
        await app.WaitForReviewFeed();
        var refilled = await app.ProposalCopy(round);
        Assert.NotNull(refilled);
        Assert.Equal(copy.SourceVersion, refilled.SourceVersion);
        Assert.True(refilled.Published);
        Assert.Equal(copy.Proposals.Select(p => p.ModelId).Order(), refilled.Proposals.Select(p => p.ModelId).Order());
    }
}
