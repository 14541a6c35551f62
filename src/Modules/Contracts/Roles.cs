namespace Emulation.Contracts;

/// <summary>Role codes: granted by the Directory, carried in claims and in <see cref="PersonRole"/>, read by every
/// module's scope. Scoped roles name the unit they act for.</summary>
public static class Roles
{
    public const string Officer = "officer";
    public const string BoardMember = "board-member";
    public const string BoardSecretary = "board-secretary";
    public const string Approver = "approver";
    /// <summary>An invited expert who scores a board's review rounds (issue 8); held at the board they serve.</summary>
    public const string Expert = "expert";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Officer, BoardMember, BoardSecretary, Expert, Approver, Admin];

    public static bool IsScoped(string role) => role != Admin;

    /// <summary>Roles held at a board rather than at a unit.</summary>
    public static bool IsBoardRole(string role) => role is BoardMember or BoardSecretary or Expert;

    public static string Label(string role) => role switch
    {
        Officer => "Cán bộ đơn vị",
        BoardMember => "Thành viên Ban",
        BoardSecretary => "Thư ký Ban",
        Expert => "Chuyên gia thẩm định",
        Approver => "Lãnh đạo phê duyệt",
        Admin => "Quản trị hệ thống",
        _ => role
    };
}
