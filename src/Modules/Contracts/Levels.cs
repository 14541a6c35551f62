namespace Emulation.Contracts;

/// <summary>The level codes a board may cover (<see cref="UnitUpdated.CoversLevel"/>) and the registry's level list
/// starts from. Provinces may add levels to the registry's list; a board covers one of these four.</summary>
public static class StandardLevels
{
    public const string Grassroots = "co-so";
    public const string District = "huyen";
    public const string Province = "tinh";
    public const string Central = "trung-uong";

    public static readonly IReadOnlyList<(string Code, string Name)> All =
    [
        (Grassroots, "Cấp cơ sở"), (District, "Cấp huyện"), (Province, "Cấp tỉnh"), (Central, "Cấp trung ương")
    ];

    public static bool IsKnown(string? code) => All.Any(l => l.Code == code);

    public static string Name(string? code) => All.FirstOrDefault(l => l.Code == code).Name ?? code ?? "";
}
