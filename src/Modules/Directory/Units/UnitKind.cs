namespace Emulation.Directory.Units;

public enum UnitKind { Province, District, Commune, Agency, MassOrganisation, PartyCell, ArmedForces, Board }

public enum UnitStatus { Active, Merged }

public static class UnitKinds
{
    public static string Label(UnitKind kind) => kind switch
    {
        UnitKind.Province => "Tỉnh, thành phố",
        UnitKind.District => "Cấp huyện (đến 30/6/2025)",
        UnitKind.Commune => "Xã, phường, đặc khu",
        UnitKind.Agency => "Cơ quan, đơn vị",
        UnitKind.MassOrganisation => "Mặt trận, đoàn thể",
        UnitKind.PartyCell => "Chi bộ, đảng bộ",
        UnitKind.ArmedForces => "Đơn vị lực lượng vũ trang",
        UnitKind.Board => "Ban Dân vận, Ban Chỉ đạo",
        _ => kind.ToString()
    };

    public static string Code(UnitKind kind) => kind switch
    {
        UnitKind.MassOrganisation => "mass-organisation",
        UnitKind.PartyCell => "party-cell",
        UnitKind.ArmedForces => "armed-forces",
        _ => kind.ToString().ToLowerInvariant()
    };

    /// <summary>Which parents a unit of this kind may hang under (null: a root).</summary>
    public static bool ParentAllowed(UnitKind kind, UnitKind? parent) => kind switch
    {
        UnitKind.Province => parent is null,
        UnitKind.District => parent is UnitKind.Province,
        UnitKind.Commune => parent is UnitKind.Province or UnitKind.District,
        _ => parent is not null
    };
}
