using Emulation.Awards.Certificates;
using Emulation.Kernel.Text;
using Marten;

namespace Emulation.Awards.Verification;

/// <summary>The public lookup's question: words of the name or unit (without diacritics or case), a year, a form.</summary>
public sealed record LookupQuery(string? Q, int? Year, string? Form)
{
    public const int MaxQuery = 200, PageSize = 50;

    public bool Empty => string.IsNullOrWhiteSpace(Q) && Year is null && string.IsNullOrWhiteSpace(Form);
}

/// <summary>One row of the public lookup: only what a signed decision made public (the name, the unit, the award and the
/// decision), never who printed it or why it was revoked.</summary>
public sealed record PublicAward(Guid Id, string RecipientName, string? RecipientUnit, string FormName, string IssuerTitle,
    string DecisionNumber, DateOnly DecisionDate, bool Revoked);

public static class PublicLookup
{
    public static async Task<IReadOnlyList<PublicAward>> FindAsync(IQuerySession session, LookupQuery query, CancellationToken ct)
    {
        if (query.Empty) return [];
        var q = session.Query<Certificate>().AsQueryable();
        foreach (var word in VietnameseText.Fold(query.Q).Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(10))
            q = q.Where(c => c.SearchKey.Contains(word));
        if (query.Year is { } year) q = q.Where(c => c.Year == year);
        if (!string.IsNullOrWhiteSpace(query.Form)) q = q.Where(c => c.Facts.FormCode == query.Form);
        var found = await q.Take(LookupQuery.PageSize).ToListAsync(ct);
        return found.OrderBy(c => c.Facts.RecipientName, VietnameseText.Comparer)
            .Select(c => new PublicAward(c.Id, c.Facts.RecipientName, c.Facts.RecipientUnit, c.Facts.FormName, c.Facts.IssuerTitle,
                c.Facts.DecisionNumber, c.Facts.DecisionDate, c.IsRevoked)).ToList();
    }

    /// <summary>The forms to choose from: those certificates were issued in.</summary>
    public static async Task<IReadOnlyList<(string Code, string Name)>> FormsAsync(IQuerySession session, CancellationToken ct)
    {
        var forms = await session.Query<Certificate>().Select(c => new { c.Facts.FormCode, c.Facts.FormName, c.Facts.IssuerTitle }).Distinct().ToListAsync(ct);
        return forms.GroupBy(f => f.FormCode).Select(g => (g.Key, $"{g.First().FormName} - {g.First().IssuerTitle}")).OrderBy(f => f.Item2).ToList();
    }
}
