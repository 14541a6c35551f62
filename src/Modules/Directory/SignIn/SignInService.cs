using System.Security.Claims;
using Emulation.Directory.People;
using Emulation.Kernel.Security;
using Marten;
using Microsoft.AspNetCore.Identity;

namespace Emulation.Directory.SignIn;

public sealed record SignInResult(Person? Person, string? Error)
{
    public bool Succeeded => Person is not null;
}

/// <summary>Checks a user name and password, counting failures and locking the account after too many.
/// Every failure gives the same message, so nobody learns whether the user name exists.</summary>
public sealed class SignInService(IDocumentSession session, IPasswordHasher<Credential> hasher, TimeProvider clock)
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan LockoutTime = TimeSpan.FromMinutes(15);
    public const string WrongCredentials = "Tên đăng nhập hoặc mật khẩu không đúng. Sau 5 lần sai liên tiếp, tài khoản bị tạm khóa 15 phút.";

    static readonly Credential Dummy = new() { Id = "", PasswordHash = new PasswordHasher<Credential>().HashPassword(new Credential(), "dummy-password-1") };

    public static string? CheckInput(string? userName, string? password) =>
        string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password) ? "Vui lòng nhập tên đăng nhập và mật khẩu."
        : userName.Length > PersonRules.MaxUserName ? $"Tên đăng nhập không dài quá {PersonRules.MaxUserName} ký tự."
        : password.Length > PersonRules.MaxPassword ? $"Mật khẩu không dài quá {PersonRules.MaxPassword} ký tự."
        : null;

    public async Task<SignInResult> SignInAsync(string? userName, string? password, CancellationToken ct = default)
    {
        if (CheckInput(userName, password) is { } inputError) return new SignInResult(null, inputError);
        var now = clock.GetUtcNow();
        var credential = await session.LoadAsync<Credential>(Credential.Key(userName!), ct);
        if (credential is null)
        {
            hasher.VerifyHashedPassword(Dummy, Dummy.PasswordHash, password!);
            return new SignInResult(null, WrongCredentials);
        }
        if (credential.LockedUntil > now) return new SignInResult(null, WrongCredentials);

        var verdict = hasher.VerifyHashedPassword(credential, credential.PasswordHash, password!);
        if (verdict == PasswordVerificationResult.Failed)
        {
            credential.FailedAttempts++;
            if (credential.FailedAttempts >= MaxFailures)
            {
                credential.LockedUntil = now + LockoutTime;
                credential.FailedAttempts = 0;
            }
            session.Store(credential);
            await session.SaveChangesAsync(ct);
            return new SignInResult(null, WrongCredentials);
        }

        var person = await session.LoadAsync<Person>(credential.PersonId, ct);
        if (person is null || person.Disabled) return new SignInResult(null, WrongCredentials);

        if (verdict == PasswordVerificationResult.SuccessRehashNeeded) credential.PasswordHash = hasher.HashPassword(credential, password!);
        credential.FailedAttempts = 0;
        credential.LockedUntil = null;
        credential.LastSignInAt = now;
        session.Store(credential);
        await session.SaveChangesAsync(ct);
        return new SignInResult(person, null);
    }

    /// <summary>The identity carries who the person is; roles are added on every request from the current record.</summary>
    public static ClaimsPrincipal Principal(Person person, string scheme) =>
        new(new ClaimsIdentity(
        [
            new Claim(EmulationClaims.UserId, person.Id.ToString()),
            new Claim(EmulationClaims.UserName, person.UserName),
            new Claim(EmulationClaims.FullName, person.FullName)
        ], scheme, EmulationClaims.UserName, ClaimTypes.Role));
}
