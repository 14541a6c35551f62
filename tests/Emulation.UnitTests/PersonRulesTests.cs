using Emulation.Directory.People;
using Emulation.Directory.Units;
using Emulation.Kernel.Security;
using Emulation.Kernel.Web;

namespace Emulation.UnitTests;

public sealed class PersonRulesTests
{
    [Theory]
    [InlineData("canbo.phuong1", true)]
    [InlineData("ab", false)]
    [InlineData("có.dấu", false)]
    [InlineData("Hoa", false)]
    public void User_names_are_plain_lower_case(string userName, bool ok) =>
        Assert.Equal(ok, PersonRules.UserName(new Errors(), userName, taken: false).Ok);

    [Theory]
    [InlineData("matkhau123", true)]
    [InlineData("ngan1", false)]
    [InlineData("chiconchu", false)]
    [InlineData("12345678", false)]
    public void Passwords_need_length_letters_and_digits(string password, bool ok) =>
        Assert.Equal(ok, PersonRules.Password(new Errors(), password).Ok);

    [Fact]
    public void Board_roles_need_a_board_and_the_admin_role_no_unit()
    {
        var now = DateTimeOffset.UtcNow;
        var province = Unit.Create(new UnitRegistered(Guid.NewGuid(), "CM", "Tỉnh Cà Mau", UnitKind.Province, null, null, default, Guid.Empty, now));
        var board = Unit.Create(new UnitRegistered(Guid.NewGuid(), "CM-BDV", "Ban Dân vận", UnitKind.Board, province.Id, "tinh", default, Guid.Empty, now));
        var tree = new UnitTree([province, board]);
        Assert.True(PersonRules.Role(new Errors(), tree, Roles.BoardSecretary, board.Id).Ok);
        Assert.False(PersonRules.Role(new Errors(), tree, Roles.BoardSecretary, province.Id).Ok);
        Assert.False(PersonRules.Role(new Errors(), tree, Roles.Officer, board.Id).Ok);
        Assert.False(PersonRules.Role(new Errors(), tree, Roles.Officer, null).Ok);
        Assert.True(PersonRules.Role(new Errors(), tree, Roles.Admin, null).Ok);
        Assert.False(PersonRules.Role(new Errors(), tree, Roles.Admin, province.Id).Ok);
    }
}
