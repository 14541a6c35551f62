using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Emulation.Kernel.Identity;
using Emulation.Kernel.Import;
using Emulation.Registry.Models;

namespace Emulation.Registry.Import;

/// <summary>The register row a model was imported from (province and row code), with what that import stored: the
/// dossier's fingerprint, the history's steps and the stream version it left. Importing the row again compares with
/// this, so an unchanged row is a no-op. Stored with the events, in the same transaction.</summary>
public sealed class ModelImportKey
{
    public string Id { get; set; } = "";
    public Guid ModelId { get; set; }
    public Guid UnitId { get; set; }
    public string DossierHash { get; set; } = "";
    public List<string> History { get; set; } = [];
    public long Version { get; set; }
    /// <summary>The status the import left; while <see cref="Version"/> is the stream's, it is the model's status.</summary>
    public ModelStatus Status { get; set; }
    /// <summary>The name claim the import holds for the model, if its status holds one.</summary>
    public string? ClaimId { get; set; }
    public Guid BatchId { get; set; }
    public DateTimeOffset ImportedAt { get; set; }

    public static string For(Guid provinceId, string key) => $"{provinceId:N}:{key}";

    static readonly Guid Space = new("3b9d6f2e-41c7-5a08-9e3d-7c1a2b4f6e90");

    /// <summary>The stream id of a register row: the same row always names the same stream, so two confirmations of one
    /// file racing each other collide on the stream instead of storing the model twice.</summary>
    public static Guid ModelIdFor(Guid provinceId, string key) => NameBasedId.Of(Space, Encoding.UTF8.GetBytes(For(provinceId, key)));

    public static string Hash(Guid unitId, ModelDetails details, DateOnly registeredOn) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(new { unitId, details, registeredOn })));
}

/// <summary>An upload of the register, kept until confirmed and then as its audit record (ADR 0036).</summary>
public sealed class ModelImportBatch : ImportBatch;
