namespace Emulation.Kernel;

/// <summary>The standard level codes shared by the unit tree (which level a board covers) and the registry's
/// configurable level list. Provinces may add levels; these four are always known.</summary>
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

    public static string Name(string? code) => All.FirstOrDefault(l => l.Code == code).Name ?? code ?? "";
}
