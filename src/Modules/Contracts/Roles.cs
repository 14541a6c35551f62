namespace Emulation.Contracts;

/// <summary>Role codes: granted by the Directory, carried in claims and in <see cref="PersonRole"/>, read by every
/// module's scope. Scoped roles name the unit they act for.</summary>
public static class Roles
{
    public const string Officer = "officer";
    public const string BoardMember = "board-member";
    public const string BoardSecretary = "board-secretary";
    public const string Approver = "approver";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Officer, BoardMember, BoardSecretary, Approver, Admin];

    public static bool IsScoped(string role) => role != Admin;

    public static string Label(string role) => role switch
    {
        Officer => "Cán bộ đơn vị",
        BoardMember => "Thành viên Ban",
        BoardSecretary => "Thư ký Ban",
        Approver => "Lãnh đạo phê duyệt",
        Admin => "Quản trị hệ thống",
        _ => role
    };
}
