using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Emulation.IntegrationTests.Pages;

/// <summary>What the walk of 2026-12-07 left on the screens (ADR 0062), read from the pages' HTML as a browser would.</summary>
[Collection(AppCollection.Name)]
public sealed class ScreenDefectTests(AppFixture app)
{
    async Task<IDocument> Open(string user, string url)
    {
        using var api = await app.As(user);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("text/html");
        using var response = await api.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("quantri")]
    [InlineData("canbo.phuong1")]
    [InlineData("thuky.bdvtinh")]
    public async Task A_figure_that_opens_a_list_is_a_link_over_the_whole_card_with_its_label_drawn_as_a_link(string user)
    {
        var home = await Open(user, "/");
        var cards = home.QuerySelectorAll(".cards .card.figure").ToList();
        Assert.NotEmpty(cards);
        var linked = cards.Where(c => c.LocalName == "a").ToList();
        Assert.NotEmpty(linked);
        Assert.All(linked, c =>
        {
            Assert.False(string.IsNullOrEmpty(c.GetAttribute("href")));
            Assert.NotNull(c.QuerySelector(".value"));
            Assert.False(string.IsNullOrWhiteSpace(c.QuerySelector(".label")?.TextContent));
        });
        Assert.All(cards.Where(c => c.LocalName != "a"), c => Assert.Empty(c.QuerySelectorAll("a")));
    }

    [Fact]
    public async Task The_boards_dashboard_figures_are_links_with_their_labels_drawn_as_links()
    {
        var board = await Open("thuky.bdvtinh", "/theo-doi/tong-quan");
        var cards = board.QuerySelectorAll("a.card").ToList();
        Assert.Equal(4, cards.Count);
        Assert.All(cards, c => Assert.False(string.IsNullOrWhiteSpace(c.QuerySelector(".label")?.TextContent)));
    }

    [Fact]
    public async Task A_draft_decision_names_the_official_who_will_sign_it_and_a_signed_one_does_not()
    {
        var (round, models) = await app.ProposedRound(1);
        var form = await app.ProvincialForm();
        Guid id;
        using (var secretary = await app.As(ReviewScenarios.Secretary))
            id = (await secretary.Post("/api/awards/decisions", AwardsScenarios.DraftBody(round, form, models))).Expect(HttpStatusCode.Created).Id;
        var approverName = (await Open(AwardsScenarios.Approver, "/")).QuerySelector("header .who")!.TextContent.Trim();

        var draft = await Open(ReviewScenarios.Secretary, $"/khen-thuong/quyet-dinh/{id}");
        var signer = draft.QuerySelector("#nguoi-se-ky")?.TextContent ?? "";
        Assert.Contains(approverName, signer);
        Assert.Contains("báo để người có thẩm quyền", signer);
        Assert.Null(draft.QuerySelector("#nguoi-se-ky")!.Closest(".no-print, form, .actions"));

        var mine = await Open(AwardsScenarios.Approver, $"/khen-thuong/quyet-dinh/{id}");
        Assert.Contains("Bạn có thể ký", mine.QuerySelector("#nguoi-se-ky")!.TextContent);

        using (var approver = await app.As(AwardsScenarios.Approver))
            (await approver.Post($"/api/awards/decisions/{id}/sign", new { version = 1L })).Expect(HttpStatusCode.OK);
        var signed = await Open(ReviewScenarios.Secretary, $"/khen-thuong/quyet-dinh/{id}");
        Assert.Null(signed.QuerySelector("#nguoi-se-ky"));
    }
}
