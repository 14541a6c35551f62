using Emulation.Directory;
using Emulation.Directory.People;
using Emulation.Directory.Units;
using Emulation.Kernel.Security;

namespace Emulation.UnitTests;

/// <summary>The Directory's commands decide as pure functions of the aggregate, the command, who and when.</summary>
public sealed class DirectoryDecisionTests
{
    static readonly DateTimeOffset Now = new(2026, 6, 30, 20, 0, 0, TimeSpan.Zero);
    static readonly Guid Admin = Guid.NewGuid();

    static Unit U(string code, UnitKind kind, Unit? parent, string? covers = null) =>
        Unit.Create(new UnitRegistered(Guid.NewGuid(), code, "Đơn vị " + code, kind, parent?.Id, covers, new DateOnly(2020, 1, 1), Guid.Empty, Now));

    [Fact]
    public void A_rename_appends_one_event_dated_in_Vietnam_or_refuses_a_stale_version()
    {
        var commune = U("CM-KH", UnitKind.Commune, U("CM", UnitKind.Province, null));
        var renamed = Assert.IsType<UnitRenamed>(RenameUnitEndpoint.Decide(commune, new RenameUnit("Xã Khánh Hội Mới", null, " ", 1), Admin, Now).Event);
        Assert.Equal((new DateOnly(2026, 7, 1), Admin, (string?)null), (renamed.EffectiveFrom, renamed.By, renamed.Reason));
        Assert.True(RenameUnitEndpoint.Decide(commune, new RenameUnit("Tên", null, null, 3), Admin, Now).Stale);
        Assert.Contains("name", RenameUnitEndpoint.Decide(commune, new RenameUnit(" ", null, null, 1), Admin, Now).Errors.Keys);
    }

    [Fact]
    public void A_board_must_cover_a_known_level()
    {
        var province = U("CM", UnitKind.Province, null);
        var tree = new UnitTree([province]);
        var unknown = RegisterUnitEndpoint.Decide(tree, new RegisterUnit("CM-B", "Ban", UnitKind.Board, province.Id, "cap-thon", null), Guid.NewGuid(), Admin, Now);
        Assert.Contains("coversLevel", unknown.Errors.Keys);
        Assert.Null(unknown.Event);
        var known = RegisterUnitEndpoint.Decide(tree, new RegisterUnit("CM-B", "Ban", UnitKind.Board, province.Id, "tinh", null), Guid.NewGuid(), Admin, Now);
        Assert.Equal("tinh", Assert.IsType<UnitRegistered>(known.Event).CoversLevel);
    }

    [Fact]
    public void A_move_under_its_own_descendant_is_refused()
    {
        var province = U("CM", UnitKind.Province, null);
        var district = U("CM-UM", UnitKind.District, province);
        var commune = U("CM-KH", UnitKind.Commune, district);
        var tree = new UnitTree([province, district, commune]);
        Assert.Contains("parentId", MoveUnitEndpoint.Decide(district, tree, new MoveUnit(commune.Id, null, null, 1), Admin, Now).Errors.Keys);
        Assert.IsType<UnitMoved>(MoveUnitEndpoint.Decide(commune, tree, new MoveUnit(province.Id, null, null, 1), Admin, Now).Event);
    }

    [Fact]
    public void Roles_are_granted_once_and_an_administrator_keeps_their_own()
    {
        var commune = U("CM-KH", UnitKind.Commune, null);
        var person = Person.Create(new PersonRegistered(Admin, "quantri", "Quản trị", null, null, [new RoleAssignment(Roles.Admin, null)], Guid.Empty, Now)) with { Version = 2 };
        var tree = new UnitTree([commune]);
        Assert.IsType<RoleGranted>(GrantRoleEndpoint.Decide(person, tree, new GrantRole(Roles.Officer, commune.Id, 2), Admin, Now).Event);
        Assert.Contains("role", GrantRoleEndpoint.Decide(person, tree, new GrantRole(Roles.Admin, null, 2), Admin, Now).Errors.Keys);
        Assert.Contains("role", RevokeRoleEndpoint.Decide(person, new RevokeRole(Roles.Admin, null, 2), Admin, Now).Errors.Keys);
        Assert.IsType<RoleRevoked>(RevokeRoleEndpoint.Decide(person, new RevokeRole(Roles.Admin, null, 2), Guid.NewGuid(), Now).Event);
    }

    [Fact]
    public void A_new_person_gets_a_normalised_user_name_and_only_valid_roles()
    {
        var commune = U("CM-KH", UnitKind.Commune, null);
        var tree = new UnitTree([commune]);
        var command = new RegisterPerson(" CanBo.Moi ", "Nguyễn Văn Mới", null, "Moi@Example.VN", "matkhau123",
            [new RoleRequest(Roles.Officer, commune.Id), new RoleRequest("", null)]);
        var registered = Assert.IsType<PersonRegistered>(RegisterPersonEndpoint.Decide(command, false, tree, Guid.NewGuid(), Admin, Now).Event);
        Assert.Equal(("canbo.moi", "moi@example.vn"), (registered.UserName, registered.Email));
        Assert.Equal([new RoleAssignment(Roles.Officer, commune.Id)], registered.Roles);
        Assert.Contains("userName", RegisterPersonEndpoint.Decide(command, true, tree, Guid.NewGuid(), Admin, Now).Errors.Keys);
    }

    [Fact]
    public void The_aggregates_have_one_fold()
    {
        Assert.Null(typeof(Unit).GetMethod("Next"));
        Assert.Null(typeof(Person).GetMethod("Next"));
    }
}
