namespace Emulation.Kernel.Security;

/// <summary>Role codes carried in claims and stored with a person. Scoped roles name the unit they act for.</summary>
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

public static class EmulationClaims
{
    public const string UserId = "sub";
    public const string UserName = "name";
    public const string FullName = "full_name";
    /// <summary>A scoped role as "role@unitId"; the admin role as plain "admin".</summary>
    public const string Assignment = "emu_role";
    public const string Loaded = "emu_loaded";
}

public static class Policies
{
    public const string Admin = "admin";
    public const string SignedIn = "signed-in";
}
