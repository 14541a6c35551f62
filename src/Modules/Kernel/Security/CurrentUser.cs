using System.Security.Claims;

namespace Emulation.Kernel.Security;

public sealed record RoleAssignment(string Role, Guid? UnitId)
{
    public string ToClaim() => UnitId is { } u ? $"{Role}@{u}" : Role;

    public static RoleAssignment? Parse(string claim)
    {
        var at = claim.IndexOf('@');
        if (at < 0) return Roles.All.Contains(claim) ? new RoleAssignment(claim, null) : null;
        return Guid.TryParse(claim[(at + 1)..], out var unit) ? new RoleAssignment(claim[..at], unit) : null;
    }
}

/// <summary>Who is asking, read from the claims every module sees. Module-specific scope checks build on it.</summary>
public sealed record CurrentUser(Guid Id, string UserName, string FullName, IReadOnlyList<RoleAssignment> Assignments)
{
    public static readonly CurrentUser Anonymous = new(Guid.Empty, "", "", []);

    public bool IsAuthenticated => Id != Guid.Empty;
    public bool IsAdmin => Assignments.Any(a => a.Role == Roles.Admin);
    public bool Has(string role) => Assignments.Any(a => a.Role == role);
    public IEnumerable<Guid> UnitsFor(params string[] roles) =>
        Assignments.Where(a => roles.Contains(a.Role) && a.UnitId is not null).Select(a => a.UnitId!.Value).Distinct();

    public static CurrentUser From(ClaimsPrincipal? principal)
    {
        if (principal?.Identity?.IsAuthenticated != true) return Anonymous;
        if (!Guid.TryParse(principal.FindFirstValue(EmulationClaims.UserId), out var id)) return Anonymous;
        var assignments = principal.FindAll(EmulationClaims.Assignment)
            .Select(c => RoleAssignment.Parse(c.Value)).OfType<RoleAssignment>().ToList();
        return new CurrentUser(id, principal.FindFirstValue(EmulationClaims.UserName) ?? "",
            principal.FindFirstValue(EmulationClaims.FullName) ?? "", assignments);
    }
}
