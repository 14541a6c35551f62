using Emulation.Kernel.Mail;
using Emulation.Review.Reminders;
using Emulation.Review.Units;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Emulation.IntegrationTests.Review;

/// <summary>A reviewer's digest is e-mailed (when switched on) to that reviewer alone, at most once, though the board's
/// other members hold the same role at the same board.</summary>
[Collection(AppCollection.Name)]
public sealed class ReviewEmailTests(AppFixture app)
{
    IDocumentStore Store => app.Services.GetRequiredService<IDocumentStore>();

    [Fact]
    public async Task A_digest_reaches_its_reviewer_only_and_once()
    {
        await using var smtp = new FakeSmtpServer();
        var board = Guid.NewGuid();
        var reviewer = Guid.NewGuid();
        var id = ReviewKeys.ScoringDigest(reviewer, new DateOnly(2026, 12, 15));
        await using (var session = Store.LightweightSession())
        {
            session.Store(new ReviewPerson { Id = reviewer, FullName = "Trần Văn Chấm", Email = "cham@localhost", Active = true, Roles = [ReviewPerson.Key("board-member", board)] });
            session.Store(new ReviewPerson { Id = Guid.NewGuid(), FullName = "Thành Viên Khác", Email = "khac@localhost", Active = true, Roles = [ReviewPerson.Key("board-member", board)] });
            session.Store(new ReviewNotice { Id = id, Role = "board-member", UnitId = board, PersonId = reviewer, Href = "/tham-dinh",
                Title = "Còn 2 mô hình chưa chấm điểm", Body = "Đợt “Sơ kết”: 2 mô hình, hạn 20/12/2026 (còn 5 ngày).", CreatedAt = DateTimeOffset.UtcNow });
            await session.SaveChangesAsync();
        }
        var on = Options.Create(new ReviewReminderOptions { Email = new MailOptions { Enabled = true, Host = "127.0.0.1", Port = smtp.Port } });
        Task Deliver() => EmailReviewNoticeHandler.Handle(new EmailReviewNotice(id), Store, on, TimeProvider.System, NullLogger<ReviewNotice>.Instance, default);

        await Task.WhenAll(Deliver(), Deliver());
        await Deliver();

        var message = Assert.Single(smtp.Messages);
        Assert.Contains("cham@localhost", message);
        Assert.DoesNotContain("khac@localhost", message);
    }
}
