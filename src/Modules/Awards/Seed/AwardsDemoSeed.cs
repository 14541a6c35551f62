using Emulation.Awards.Catalogue;
using Emulation.Awards.Decisions;
using Emulation.Awards.Proposals;
using Emulation.Awards.Units;
using Emulation.Kernel;
using Emulation.Scope;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Emulation.Awards.Seed;

/// <summary>The forms of commendation of the brief (ADR 0029), and from the published sơ kết proposal list a signed
/// decision of the provincial chairman's Bằng khen and a draft of the board head's Giấy khen. Prize money follows the
/// coefficients of Decree 98/2023 on the base salary of 2.340.000 đồng.</summary>
public sealed class AwardsDemoSeed(ILogger<AwardsDemoSeed> log) : IDemoSeed
{
    public int Order => 60;

    public async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var feeds = services.GetRequiredService<Feeds>();
        if (!await feeds.WaitUntilCopiedAsync(Feed.Directory, TimeSpan.FromSeconds(60), ct) || !await feeds.WaitUntilCopiedAsync(Feed.Review, TimeSpan.FromSeconds(60), ct))
            throw new InvalidOperationException("Awards demo data: the Directory and Review feeds did not reach Awards within 60 s.");
        var store = services.GetRequiredService<IDocumentStore>();
        await using var session = store.LightweightSession();
        var tree = await services.GetRequiredService<AwardsUnits>().TreeAsync(ct);
        if (tree.ByCode("CM") is not { } province || tree.ByCode("CM-BDV") is not { } board) return;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var forms = Forms(province.Id, board.Id, tree.ByCode("CM-UM")?.Id, tree.ByCode("CM-KH")?.Id);
        // Each part once: the catalogue, then the decisions (a database seeded before the sơ kết's list existed gets them later).
        if (await session.LoadAsync<AwardCatalogue>(AwardCatalogue.StreamId, ct) is null)
            session.Events.StartStream<AwardCatalogue>(AwardCatalogue.StreamId, forms.Select(f => (object)new CommendationFormSaved(f, Guid.Empty, now.AddDays(-30))).ToArray());
        var seeded = await session.Query<AwardDecision>().AnyAsync(d => d.BoardId == board.Id, ct);

        var list = seeded ? null : (await session.Query<ProposalList>().Where(l => l.Published).ToListAsync(ct)).FirstOrDefault(l => l.BoardId == board.Id);
        var people = await session.Query<AwardsPerson>().ToListAsync(ct);
        (Guid Id, string Number, DateOnly On, Guid By)? revoke = null;
        if (list is not null)
        {
            var secretary = people.FirstOrDefault(p => p.Holds(Roles.BoardSecretary, board.Id))?.Id ?? Guid.Empty;
            var approver = people.FirstOrDefault(p => p.Holds(Roles.Approver, province.Id));
            var bangKhen = forms[0];
            // Dated after the list was published, as the office would: the signed one a few days later, the draft since.
            var published = (list.PublishedAt ?? now).VietnamDate();
            var year = published.AddDays(6).Year;
            var signed = Draft(list, bangKhen, tree.Name(board.Id), 125, published.AddDays(6), "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", approver?.FullName ?? "Ngô Văn Phúc", secretary, now.AddDays(-20));
            var decision = AwardDecision.Create(signed);
            var certificates = DecisionRules.Certificates(decision, 1, year);
            session.Events.StartStream<AwardDecision>(signed.DecisionId, signed,
                new DecisionSigned(signed.DecisionId, year, certificates, approver?.Id ?? Guid.Empty, approver?.FullName ?? "Ngô Văn Phúc", now.AddDays(-18)));
            session.Store(new GoldBook { Id = GoldBook.IdOf(bangKhen.Code, year), Last = certificates.Count });
            await services.GetRequiredService<Certificates.CertificateIssuer>().IssueAsync(session, certificates, approver?.Id ?? Guid.Empty, now.AddDays(-18), ct);
            if (certificates.Count > 1)
                revoke = (certificates[^1].CertificateId, "131/QĐ-UBND", now.AddDays(-3).VietnamDate(), approver?.Id ?? Guid.Empty);
            var draft = Draft(list, forms[1], tree.Name(board.Id), 48, published.AddDays(14), null, "TRƯỞNG BAN", "Nguyễn Thị Hồng", secretary, now.AddDays(-10));
            session.Events.StartStream<AwardDecision>(draft.DecisionId, draft);
        }
        await session.SaveChangesAsync(ct);
        if (revoke is { } r)
        {
            // The certificates exist once the signing above is committed; the last one was later found to rest on a false
            // declaration and is revoked (Law on Emulation and Commendation 2022, art. 94), so the public page shows one.
            await using var later = services.GetRequiredService<IDocumentStore>().LightweightSession();
            await Certificates.CertificateIssuer.RevokeAsync(later, [r.Id], "Hồ sơ đề nghị kê khai không đúng số hộ tham gia mô hình (phát hiện qua kiểm tra, giám sát).",
                r.Number, r.On, r.By, now.AddDays(-3), ct);
            await later.SaveChangesAsync(ct);
        }
        log.LogInformation("Awards demo data: {Forms} forms, decisions from {List}", forms.Count, list?.Name ?? "no list (already seeded or none published)");
    }

    static DecisionDrafted Draft(ProposalList list, CommendationForm form, string boardName, int number, DateOnly date, string? capacity, string title,
        string name, Guid by, DateTimeOffset at)
    {
        var chosen = list.Proposals.Where(p => p.Level == form.Level).ToList();
        var content = DecisionRules.Prefilled(form, list, boardName, chosen, number, date, capacity, title, name, null);
        return new DecisionDrafted(Guid.NewGuid(), list.Id, list.Name, list.BoardId, form, content, null, by, at);
    }

    const decimal BaseSalary = 2_340_000;

    public static IReadOnlyList<CommendationForm> Forms(Guid province, Guid board, Guid? district, Guid? commune)
    {
        string[] both = [RecipientKinds.Collective, RecipientKinds.Individual];
        var forms = new List<CommendationForm>
        {
            new("bang-khen-chu-tich-ubnd-tinh-ca-mau", "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh Cà Mau", "BẰNG KHEN", CommendationLevels.BangKhenTinh,
                province, null, "ỦY BAN NHÂN DÂN TỈNH CÀ MAU", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH CÀ MAU", "QĐ-UBND", "Cà Mau", both, Papers.A3Landscape,
                BaseSalary * 2, BaseSalary, false, true),
            new("giay-khen-truong-ban-dan-van-tinh-uy-ca-mau", "Giấy khen của Trưởng Ban Dân vận Tỉnh ủy Cà Mau", "GIẤY KHEN", CommendationLevels.GiayKhenBanDanVanTinh,
                board, "TỈNH ỦY CÀ MAU", "BAN DÂN VẬN", "TRƯỞNG BAN DÂN VẬN TỈNH ỦY CÀ MAU", "QĐ-BDVTU", "Cà Mau", both, Papers.A4Landscape,
                BaseSalary * 0.6m, BaseSalary * 0.3m, false, true),
            new("bang-khen-ban-dan-van-trung-uong", "Bằng khen của Ban Dân vận Trung ương", "BẰNG KHEN", CommendationLevels.BangKhenTrungUong,
                province, "BAN CHẤP HÀNH TRUNG ƯƠNG", "BAN DÂN VẬN", "TRƯỞNG BAN DÂN VẬN TRUNG ƯƠNG", "QĐ-BDVTW", "Hà Nội", both, Papers.A3Landscape,
                null, null, true, true),
        };
        if (district is { } d)
            forms.Add(new("giay-khen-chu-tich-ubnd-huyen-u-minh", "Giấy khen của Chủ tịch Ủy ban nhân dân huyện U Minh", "GIẤY KHEN", CommendationLevels.GiayKhenHuyen,
                d, null, "ỦY BAN NHÂN DÂN HUYỆN U MINH", "CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN U MINH", "QĐ-UBND", "U Minh", both, Papers.A4Landscape,
                BaseSalary * 0.3m, BaseSalary * 0.15m, false, true));
        if (commune is { } c)
            forms.Add(new("giay-khen-chu-tich-ubnd-xa-khanh-hoi", "Giấy khen của Chủ tịch Ủy ban nhân dân xã Khánh Hội", "GIẤY KHEN", CommendationLevels.GiayKhenXa,
                c, null, "ỦY BAN NHÂN DÂN XÃ KHÁNH HỘI", "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ KHÁNH HỘI", "QĐ-UBND", "Khánh Hội", both, Papers.A4Landscape,
                BaseSalary * 0.2m, BaseSalary * 0.1m, false, true));
        return forms;
    }
}
