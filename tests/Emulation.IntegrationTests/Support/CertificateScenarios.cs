using System.Net;
using Emulation.Awards.Certificates;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Emulation.IntegrationTests.Support;

/// <summary>Certificates issued the way a decision's signing issues them (the one call it makes, inside one
/// transaction), for the demo approver's unit, the provincial People's Committee.</summary>
public static class CertificateScenarios
{
    public const string Approver = "lanhdao.tinh";

    public static async Task<Guid> ApproverUnit(this AppFixture app)
    {
        using var approver = await app.As(Approver);
        var me = (await approver.Get("/api/auth/me")).Expect(HttpStatusCode.OK).Body;
        return me.GetProperty("roles").EnumerateArray().First(r => r.GetProperty("role").GetString() == "approver").GetProperty("unitId").GetGuid();
    }

    public static CertificateFacts Facts(Guid issuer, Guid decision, int order, string name, string paper = "A3-landscape", int goldBook = 0) => new(
        Guid.NewGuid(), decision, $"{Random.Shared.Next(100, 999)}/QĐ-UBND", new DateOnly(2023, 11, 15), paper == "A3-landscape" ? "bk-ubnd-tinh" : "gk-bdv-tinh",
        paper == "A3-landscape" ? "BẰNG KHEN" : "GIẤY KHEN", paper, issuer, "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH CÀ MAU", "individual", name,
        "Trưởng ấp", "xã Khánh Hội, huyện U Minh", "Đã có thành tích xuất sắc trong phong trào thi đua \"Dân vận khéo\" giai đoạn 2020 - 2023",
        goldBook == 0 ? 100 + order : goldBook, 2023, "Cà Mau", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lâm Văn Bi", order);

    /// <summary>One decision's certificates; the facts share the decision's number.</summary>
    public static async Task<(Guid DecisionId, IReadOnlyList<CertificateFacts> Facts)> IssueDecision(this AppFixture app, params string[] names)
    {
        var issuer = await app.ApproverUnit();
        var decision = Guid.NewGuid();
        var number = $"{Random.Shared.Next(100, 9999)}/QĐ-UBND";
        var facts = names.Select((n, i) => Facts(issuer, decision, i + 1, n) with { DecisionNumber = number }).ToList();
        await app.Issue(facts);
        return (decision, facts);
    }

    public static async Task Issue(this AppFixture app, IReadOnlyList<CertificateFacts> facts)
    {
        await using var session = app.Services.GetRequiredService<IDocumentStore>().LightweightSession();
        await app.Services.GetRequiredService<CertificateIssuer>().IssueAsync(session, facts, Guid.NewGuid(), app.Clock.GetUtcNow());
        await session.SaveChangesAsync();
    }

    public static async Task<Certificate?> Certificate(this AppFixture app, Guid id)
    {
        await using var session = app.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return await session.LoadAsync<Certificate>(id);
    }
}
