using System.Collections.Concurrent;
using Marten;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using NSec.Cryptography;

namespace Emulation.Awards.Certificates;

/// <summary>A key that signed or signs certificates. Public keys are kept for ever (old certificates keep verifying);
/// a generated private key is kept only encrypted by ASP.NET Core Data Protection; a configured one is never stored.</summary>
public sealed record StoredSigningKey(string Id, string PublicKey, string? ProtectedPrivateKey, bool Configured, DateTimeOffset CreatedAt, DateTimeOffset? RetiredAt);

/// <summary>The key ring (ADR 0031). The signing key is <c>Awards:Signing:PrivateKey</c> (a base64 Ed25519 seed of 32
/// bytes) when configured, else the newest generated key still in service, else a new one generated now. Replacing the
/// configured seed, or calling <see cref="RotateAsync"/>, retires the previous key: it signs no more, it still verifies.</summary>
public sealed class CertificateKeys(IDocumentStore store, IDataProtectionProvider protection, IConfiguration configuration, TimeProvider clock)
{
    static readonly SignatureAlgorithm Ed25519 = SignatureAlgorithm.Ed25519;
    readonly IDataProtector _protector = protection.CreateProtector("Emulation.Awards.CertificateSigningKey.v1");
    readonly SemaphoreSlim _gate = new(1, 1);
    readonly ConcurrentDictionary<string, byte[]> _public = new();
    SigningKey? _current;

    public async Task<SigningKey> CurrentAsync(CancellationToken ct = default)
    {
        if (_current is { } current) return current;
        await _gate.WaitAsync(ct);
        try { return _current ??= await LoadAsync(ct); }
        finally { _gate.Release(); }
    }

    public async Task<byte[]?> PublicKeyAsync(string keyId, CancellationToken ct = default)
    {
        if (_public.TryGetValue(keyId, out var known)) return known;
        await using var session = store.QuerySession();
        var stored = await session.LoadAsync<StoredSigningKey>(keyId, ct);
        if (stored is null || CertificateSigning.FromBase64Url(stored.PublicKey) is not { Length: 32 } bytes) return null;
        return _public[keyId] = bytes;
    }

    public async Task<IReadOnlyList<StoredSigningKey>> AllAsync(CancellationToken ct = default)
    {
        await CurrentAsync(ct);
        await using var session = store.QuerySession();
        return (await session.Query<StoredSigningKey>().ToListAsync(ct)).OrderBy(k => k.CreatedAt).ToList();
    }

    /// <summary>A new generated key from now on (when no key is configured); the old one is kept for verifying.</summary>
    public async Task<string> RotateAsync(CancellationToken ct = default)
    {
        if (Configured() is { } configured) return configured.Id;
        await _gate.WaitAsync(ct);
        try
        {
            await using var session = store.LightweightSession();
            foreach (var k in await session.Query<StoredSigningKey>().Where(k => k.RetiredAt == null).ToListAsync(ct))
                session.Store(k with { RetiredAt = clock.GetUtcNow() });
            var fresh = Generate(session);
            await session.SaveChangesAsync(ct);
            _current = fresh;
            return fresh.Id;
        }
        finally { _gate.Release(); }
    }

    async Task<SigningKey> LoadAsync(CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var active = (await session.Query<StoredSigningKey>().Where(k => k.RetiredAt == null).ToListAsync(ct)).OrderByDescending(k => k.CreatedAt).ToList();
        if (Configured() is { } configured)
        {
            foreach (var other in active.Where(k => k.Id != configured.Id)) session.Store(other with { RetiredAt = clock.GetUtcNow() });
            if (await session.LoadAsync<StoredSigningKey>(configured.Id, ct) is null)
                session.Store(new StoredSigningKey(configured.Id, CertificateSigning.Base64Url(configured.PublicKey), null, true, clock.GetUtcNow(), null));
            await session.SaveChangesAsync(ct);
            return configured;
        }
        foreach (var stored in active.Where(k => k.ProtectedPrivateKey is not null))
        {
            if (Unprotect(stored) is { } key) return key;
            // The Data Protection keys that encrypted it are gone (a new machine without the key folder): it can no
            // longer sign, but its public half still verifies what it signed.
            session.Store(stored with { RetiredAt = clock.GetUtcNow() });
        }
        foreach (var stored in active.Where(k => k.ProtectedPrivateKey is null)) session.Store(stored with { RetiredAt = clock.GetUtcNow() });
        var generated = Generate(session);
        await session.SaveChangesAsync(ct);
        return generated;
    }

    SigningKey? Configured()
    {
        var seed = configuration["Awards:Signing:PrivateKey"];
        if (string.IsNullOrWhiteSpace(seed)) return null;
        var bytes = Convert.FromBase64String(seed.Trim());
        var key = Key.Import(Ed25519, bytes, KeyBlobFormat.RawPrivateKey);
        return Remember(key);
    }

    SigningKey Generate(IDocumentSession session)
    {
        var key = Key.Create(Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        var signing = Remember(key);
        var secret = _protector.Protect(key.Export(KeyBlobFormat.RawPrivateKey));
        session.Store(new StoredSigningKey(signing.Id, CertificateSigning.Base64Url(signing.PublicKey), Convert.ToBase64String(secret), false, clock.GetUtcNow(), null));
        return signing;
    }

    SigningKey? Unprotect(StoredSigningKey stored)
    {
        try
        {
            var raw = _protector.Unprotect(Convert.FromBase64String(stored.ProtectedPrivateKey!));
            var key = Key.Import(Ed25519, raw, KeyBlobFormat.RawPrivateKey);
            return Remember(key);
        }
        catch (System.Security.Cryptography.CryptographicException) { return null; }
    }

    SigningKey Remember(Key key)
    {
        var pub = key.PublicKey.Export(KeyBlobFormat.RawPublicKey);
        var id = CertificateSigning.KeyIdOf(pub);
        _public[id] = pub;
        return new SigningKey(id, key, pub);
    }
}
