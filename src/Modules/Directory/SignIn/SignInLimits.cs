namespace Emulation.Directory.SignIn;

/// <summary>The rate-limiting policy on the two doors where a password is tried (the host defines it).</summary>
public static class SignInLimits
{
    public const string Policy = "sign-in";
}
