namespace Emulation.Kernel.Security;

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
