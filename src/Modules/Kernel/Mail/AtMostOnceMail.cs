using JasperFx;
using MailKit.Net.Smtp;
using MailKit.Security;
using Marten;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace Emulation.Kernel.Mail;

/// <summary>Sends a mail at most once per intent id (ADR 0007): the caller's record (an inbox notice) is the channel
/// of record and the mail a courtesy copy, so losing one in a crash is preferred to sending it twice.</summary>
public sealed class AtMostOnceMail(IDocumentStore store, TimeProvider clock, ILogger log)
{
    // The store, not the message's session: the intent must be committed on its own, before sending.
    public async Task SendAsync(MailOptions o, string intentId, IReadOnlyList<MailRecipient> to, string subject, string body, CancellationToken ct)
    {
        if (!o.Enabled) return;
        var intent = new MailIntent(intentId, clock.GetUtcNow());
        await using (var claim = store.LightweightSession())
        {
            claim.Insert(intent);
            try { await claim.SaveChangesAsync(ct); }
            catch (DocumentAlreadyExistsException)
            {
                await using var check = store.QuerySession();
                var earlier = await check.LoadAsync<MailIntent>(intentId, ct);
                if (earlier is { SentAt: null, Failure: null })
                    log.LogWarning("Mail {Id}: an earlier attempt recorded it at {ClaimedAt} and never confirmed it; not sent again", intentId, earlier.ClaimedAt);
                return;
            }
        }

        if (to.Count > 0)
        {
            using var smtp = new SmtpClient();
            try
            {
                await smtp.ConnectAsync(o.Host, o.Port, o.UseTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, ct);
                if (!string.IsNullOrEmpty(o.UserName)) await smtp.AuthenticateAsync(o.UserName, o.Password ?? "", ct);
            }
            catch (Exception) when (!ct.IsCancellationRequested)
            {
                // Nothing reached the server yet: give the intent back so the message's retry can send.
                await using var release = store.LightweightSession();
                release.Delete<MailIntent>(intent.Id);
                await release.SaveChangesAsync(CancellationToken.None);
                throw;
            }
            try { await smtp.SendAsync(Message(o, to, subject, body), ct); }
            catch (Exception e)
            {
                // The server may have taken the message before the failure: record it and do not try again.
                await Record(intent with { Failure = e.Message });
                log.LogError(e, "Mail {Id}: may not have been sent; not retried (at most once)", intentId);
                return;
            }
            await smtp.DisconnectAsync(true, CancellationToken.None);
        }
        await Record(intent with { SentAt = clock.GetUtcNow(), Recipients = to.Count });
        log.LogInformation("Mail {Id} sent to {Count} recipients", intentId, to.Count);
    }

    static MimeMessage Message(MailOptions o, IReadOnlyList<MailRecipient> to, string subject, string body)
    {
        var mail = new MimeMessage();
        mail.From.Add(MailboxAddress.Parse(o.From));
        foreach (var r in to) mail.To.Add(new MailboxAddress(r.Name, r.Address));
        mail.Subject = subject;
        mail.Body = new TextPart("plain") { Text = body };
        return mail;
    }

    async Task Record(MailIntent outcome)
    {
        await using var session = store.LightweightSession();
        session.Store(outcome);
        await session.SaveChangesAsync(CancellationToken.None);
    }
}
