using Emulation.Review.Assignment;
using Emulation.Review.Units;
using Emulation.Scope;
using Marten;

namespace Emulation.Review.Reviewers;

/// <summary>A person who may review a board's rounds: a member of the board or an expert invited to it.</summary>
public sealed record RoundReviewer(Guid Id, string FullName, bool Expert, IReadOnlySet<string> Fields, IReadOnlyList<Guid> TieUnits);

public static class RoundReviewers
{
    /// <summary>The board's members and experts, from Review's copy of people, with their fields and the units they act for.</summary>
    public static async Task<IReadOnlyList<RoundReviewer>> LoadAsync(IQuerySession session, Guid boardId, ReviewUnitTree tree, CancellationToken ct)
    {
        var member = PersonCopy.Key(Roles.BoardMember, boardId);
        var expert = PersonCopy.Key(Roles.Expert, boardId);
        var people = await session.Query<ReviewPerson>().Where(p => p.Active && (p.Roles.Contains(member) || p.Roles.Contains(expert))).ToListAsync(ct);
        var ids = people.Select(p => p.Id).ToArray();
        var expertise = (await session.LoadManyAsync<ReviewerExpertise>(ct, ids)).ToDictionary(e => e.Id, e => e.Fields);
        return people
            .Select(p => new RoundReviewer(p.Id, p.FullName, !p.Roles.Contains(member), (expertise.GetValueOrDefault(p.Id) ?? []).ToHashSet(),
                Ties(p.Roles.Select(ParseKey), tree, boardId)))
            .OrderBy(r => r.FullName, StringComparer.Create(new System.Globalization.CultureInfo("vi-VN"), false)).ToList();
    }

    /// <summary>The units a person acts for, as conflict rules count them: every role except those at the round's own
    /// board, which reviews the units it covers by design. A seat on another board counts where that board sits: a
    /// member of a commune's own steering committee is tied to the commune (it hangs in the commune's subtree).</summary>
    public static IReadOnlyList<Guid> Ties(IEnumerable<(string Role, Guid? Unit)> roles, ReviewUnitTree tree, Guid roundBoard) =>
        roles.Where(r => r.Unit is { } unit && unit != roundBoard).Select(r => r.Unit!.Value).Distinct().ToList();

    static (string, Guid?) ParseKey(string key)
    {
        var at = key.IndexOf('@');
        return at < 0 ? (key, null) : (key[..at], Guid.TryParse(key[(at + 1)..], out var g) ? g : null);
    }

    public static ReviewerTies TiesOf(RoundReviewer r) => new(r.Id, r.TieUnits);
}
