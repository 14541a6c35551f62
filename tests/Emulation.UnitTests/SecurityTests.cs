using System.Security.Claims;
using Emulation.Kernel.Security;

namespace Emulation.UnitTests;

public sealed class SecurityTests
{
    [Fact]
    public void Role_assignments_round_trip_through_claims()
    {
        var unit = Guid.NewGuid();
        Assert.Equal(new RoleAssignment(Roles.Officer, unit), RoleAssignment.Parse(new RoleAssignment(Roles.Officer, unit).ToClaim()));
        Assert.Equal(new RoleAssignment(Roles.Admin, null), RoleAssignment.Parse("admin"));
        Assert.Null(RoleAssignment.Parse("officer@not-a-guid"));
        Assert.Null(RoleAssignment.Parse("emperor"));
    }

    [Fact]
    public void Current_user_reads_the_claims()
    {
        var id = Guid.NewGuid();
        var board = Guid.NewGuid();
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(EmulationClaims.UserId, id.ToString()), new Claim(EmulationClaims.UserName, "thuky"),
            new Claim(EmulationClaims.FullName, "Võ Minh Trí"),
            new Claim(EmulationClaims.Assignment, $"{Roles.BoardSecretary}@{board}"), new Claim(EmulationClaims.Assignment, "garbage")
        ], "test"));
        var user = CurrentUser.From(principal);
        Assert.Equal(id, user.Id);
        Assert.False(user.IsAdmin);
        Assert.Equal([board], user.UnitsFor(Roles.BoardSecretary, Roles.BoardMember).ToArray());
        Assert.Single(user.Assignments);
        Assert.False(CurrentUser.From(new ClaimsPrincipal(new ClaimsIdentity())).IsAuthenticated);
    }
}
