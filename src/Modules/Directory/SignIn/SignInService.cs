using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Emulation.Directory.People;
using Emulation.Kernel.Security;
using Marten;
using Microsoft.AspNetCore.Identity;

namespace Emulation.Directory.SignIn;

public sealed record SignInResult(Person? Person, string? Stamp, string? Error)
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
    public const string StampClaim = "emulation:stamp";

    static readonly Credential Dummy = new() { Id = "", PasswordHash = new PasswordHasher<Credential>().HashPassword(new Credential(), "dummy-password-1") };

    public static string? CheckInput(string? userName, string? password) =>
        string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password) ? "Vui lòng nhập tên đăng nhập và mật khẩu."
        : userName.Length > PersonRules.MaxUserName ? $"Tên đăng nhập không dài quá {PersonRules.MaxUserName} ký tự."
        : password.Length > PersonRules.MaxPassword ? $"Mật khẩu không dài quá {PersonRules.MaxPassword} ký tự."
        : null;

    public async Task<SignInResult> SignInAsync(string? userName, string? password, CancellationToken ct = default)
    {
        if (CheckInput(userName, password) is { } inputError) return new SignInResult(null, null, inputError);
        var now = clock.GetUtcNow();
        var credential = await session.LoadAsync<Credential>(Credential.Key(userName!), ct);
        if (credential is null)
        {
            hasher.VerifyHashedPassword(Dummy, Dummy.PasswordHash, password!);
            return new SignInResult(null, null, WrongCredentials);
        }
        if (credential.LockedUntil > now) return new SignInResult(null, null, WrongCredentials);

        var verdict = hasher.VerifyHashedPassword(credential, credential.PasswordHash, password!);
        if (verdict == PasswordVerificationResult.Failed)
        {
            await UpdateAsync(credential.Id, c =>
            {
                if (++c.FailedAttempts < MaxFailures) return;
                c.LockedUntil = now + LockoutTime;
                c.FailedAttempts = 0;
            }, ct);
            return new SignInResult(null, null, WrongCredentials);
        }

        var person = await session.LoadAsync<Person>(credential.PersonId, ct);
        if (person is null || person.Disabled) return new SignInResult(null, null, WrongCredentials);

        var rehash = verdict == PasswordVerificationResult.SuccessRehashNeeded ? hasher.HashPassword(credential, password!) : null;
        var stored = await UpdateAsync(credential.Id, c =>
        {
            if (rehash is not null) c.PasswordHash = rehash;
            c.FailedAttempts = 0;
            c.LockedUntil = null;
            c.LastSignInAt = now;
        }, ct);
        return new SignInResult(person, Stamp(stored ?? credential), null);
    }

    /// <summary>Parallel attempts on one account each count: the credential is stored under optimistic concurrency
    /// and a change that lost the race is applied again to the fresh copy.</summary>
    async Task<Credential?> UpdateAsync(string id, Action<Credential> change, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var credential = await session.LoadAsync<Credential>(id, ct);
            if (credential is null) return null;
            change(credential);
            session.Store(credential);
            try
            {
                await session.SaveChangesAsync(ct);
                return credential;
            }
            catch (Exception e) when (attempt < 100 && e is JasperFx.ConcurrencyException)
            {
                session.EjectAllPendingChanges();
                await Task.Delay(Random.Shared.Next(1, 10), ct);
            }
        }
    }

    /// <summary>Changes whenever the password does (a new hash has a new salt), so a password set by the person or
    /// reset by an administrator ends every session and token issued before it, with nothing else to keep in step.</summary>
    public static string Stamp(Credential credential) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(credential.PasswordHash)))[..22];

    /// <summary>The identity carries who the person is and the password stamp; roles are added on every request from
    /// the current record.</summary>
    public static ClaimsPrincipal Principal(Person person, string stamp, string scheme) =>
        new(new ClaimsIdentity(
        [
            new Claim(EmulationClaims.UserId, person.Id.ToString()),
            new Claim(EmulationClaims.UserName, person.UserName),
            new Claim(EmulationClaims.FullName, person.FullName),
            new Claim(StampClaim, stamp)
        ], scheme, EmulationClaims.UserName, ClaimTypes.Role));
}
