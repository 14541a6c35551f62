namespace Emulation.Contracts;

/// <summary>Forms of commendation a round may propose, from the lowest (Law on Emulation and Commendation 2022): Review
/// proposes them, Awards decides them; the codes travel in <see cref="RoundProposalsUpdated"/>.</summary>
public static class CommendationLevels
{
    public const string GiayKhenXa = "giay-khen-xa";
    public const string GiayKhenHuyen = "giay-khen-huyen";
    public const string GiayKhenBanDanVanTinh = "giay-khen-ban-dan-van-tinh";
    public const string BangKhenTinh = "bang-khen-tinh";
    public const string BangKhenTrungUong = "bang-khen-trung-uong";
    public const string CaoHon = "cao-hon";

    public static readonly IReadOnlyList<string> All = [GiayKhenXa, GiayKhenHuyen, GiayKhenBanDanVanTinh, BangKhenTinh, BangKhenTrungUong, CaoHon];

    public static string Label(string code) => code switch
    {
        GiayKhenXa => "Giấy khen của Chủ tịch UBND cấp xã",
        GiayKhenHuyen => "Giấy khen của Chủ tịch UBND cấp huyện",
        GiayKhenBanDanVanTinh => "Giấy khen của Trưởng Ban Dân vận Tỉnh ủy",
        BangKhenTinh => "Bằng khen của Chủ tịch UBND tỉnh",
        BangKhenTrungUong => "Bằng khen của Ban Dân vận Trung ương",
        CaoHon => "Hình thức khen thưởng cao hơn",
        _ => code
    };
}
