using System.Security.Cryptography;
using System.Text;
using Emulation.Directory.People;
using Emulation.Directory.Units;
using Emulation.Kernel.Import;
using Emulation.Kernel.Security;
using Emulation.Kernel.Text;

namespace Emulation.Directory.Import;

/// <summary>The Directory's import workbook (ADR 0041): sheet Đơn vị (the unit tree, keyed by the unit's code), Người dùng
/// (accounts, keyed by the user name) and Vai trò (a person's role at a unit), with the lists their drop-downs offer.</summary>
public static class DirectoryTemplate
{
    public const string Units = "Đơn vị", People = "Người dùng", RoleSheet = "Vai trò";

    public const string Code = "Mã đơn vị", Name = "Tên đơn vị", Kind = "Loại đơn vị", Parent = "Mã đơn vị cấp trên",
        Level = "Cấp mô hình Ban theo dõi", From = "Ngày áp dụng", MergedInto = "Sáp nhập vào (mã đơn vị)", MergedOn = "Ngày sáp nhập";

    public const string UserName = "Tên đăng nhập", FullName = "Họ và tên", Position = "Chức vụ", Email = "Thư điện tử";

    public const string Role = "Vai trò", RoleUnit = "Mã đơn vị";

    /// <summary>The kinds by code or label; a label's words before its parenthesis ("Cấp huyện") are enough.</summary>
    public static readonly CodeList Kinds = new("Loại đơn vị", Enum.GetValues<UnitKind>().Select(k => (UnitKinds.Code(k), UnitKinds.Label(k))),
        Enum.GetValues<UnitKind>().Select(k => (UnitKinds.Label(k).Split(" (")[0], UnitKinds.Code(k))));

    /// <summary>The levels a board may name: every level the Registry's catalog holds (ADR 0063), by code or name. A level
    /// taken out of use is still read (a board keeps it); a new board naming it is refused by the unit's own rules.</summary>
    public static CodeList Levels(IReadOnlyList<CatalogLevel> levels) => new("Cấp", levels.Select(l => (l.Code, l.Name)));

    /// <summary>The roles a file may grant: every role held at a unit. Administrators are named on the people page, one by
    /// one, never by a file.</summary>
    public static readonly CodeList RoleList = new("Vai trò", Roles.All.Where(Roles.IsScoped).Select(r => (r, Roles.Label(r))));

    public static UnitKind KindOf(string code) => Enum.GetValues<UnitKind>().First(k => UnitKinds.Code(k) == code);

    /// <summary>The units' sheet with the catalog's levels in its drop-down.</summary>
    public static SheetSpec UnitSpec(IReadOnlyList<CatalogLevel> levels) => new(Units, "Cây đơn vị: mỗi đơn vị một dòng, kể cả đơn vị đã sáp nhập",
    [
        new(Code, Required: true, Width: 16, MaxLength: 20,
            Note: "Khóa của dòng: chữ in hoa không dấu, chữ số, dấu gạch ngang (ví dụ CM-P1). Nhập lại cùng mã là cập nhật đơn vị đó, không tạo đơn vị mới"),
        new(Name, Required: true, Width: 36, MaxLength: UnitRules.MaxName, Note: "Tên hiện nay; tên khác tên đang lưu là đổi tên từ “Ngày áp dụng”"),
        new(Kind, CellKind.Choice, true, 26, Kinds),
        new(Parent, Width: 18, MaxLength: 20,
            Note: "Mã của đơn vị cấp trên, ở một dòng khác của tệp (trên hay dưới đều được) hoặc đã có trong hệ thống; để trống với tỉnh, thành phố"),
        new(Level, CellKind.Choice, false, 20, Levels(levels), Note: "Chỉ ghi với Ban Dân vận, Ban Chỉ đạo: cấp mô hình Ban xét"),
        new(From, CellKind.Date, false, 14,
            Note: "Ngày đơn vị được thành lập, mang tên mới hoặc chuyển cấp trên như dòng này ghi; để trống là hôm nay"),
        new(MergedInto, Width: 18, MaxLength: 20, Note: "Với đơn vị đã sáp nhập (ví dụ năm 2025): mã đơn vị tiếp nhận, cùng loại đơn vị"),
        new(MergedOn, CellKind.Date, false, 14, Note: "Bắt buộc khi ghi “Sáp nhập vào”: ngày sáp nhập có hiệu lực (ví dụ 01/07/2025)")
    ]);

    public static readonly SheetSpec PersonSpec = new(People, "Tài khoản người dùng: mỗi người một dòng",
    [
        new(UserName, Required: true, Width: 20, MaxLength: PersonRules.MaxUserName,
            Note: "Khóa của dòng: 3-50 ký tự, chữ thường không dấu, chữ số, dấu chấm, gạch ngang, gạch dưới. Nhập lại cùng tên là cập nhật người đó"),
        new(FullName, Required: true, Width: 30, MaxLength: PersonRules.MaxFullName),
        new(Position, Width: 28, MaxLength: 200),
        new(Email, Width: 30, MaxLength: 200)
    ]);

    public static readonly SheetSpec RoleSpec = new(RoleSheet, "Vai trò của người dùng tại đơn vị: mỗi vai trò một dòng",
    [
        new(UserName, Required: true, Width: 20, MaxLength: PersonRules.MaxUserName, Note: "Tên đăng nhập ở sheet Người dùng hoặc đã có trong hệ thống"),
        new(Role, CellKind.Choice, true, 26, RoleList),
        new(RoleUnit, Required: true, Width: 16, MaxLength: 20,
            Note: "Mã đơn vị nơi giữ vai trò (ở sheet Đơn vị hoặc đã có); Thành viên Ban, Thư ký Ban, Chuyên gia gắn với một Ban")
    ]);

    /// <summary>The workbook's sheets, the units' levels those of the catalog (<see cref="BoardLevels.AllAsync"/>).</summary>
    public static IReadOnlyList<SheetSpec> Sheets(IReadOnlyList<CatalogLevel> levels) => [UnitSpec(levels), PersonSpec, RoleSpec];

    public static readonly IReadOnlyList<string> SheetNames = [Units, People, RoleSheet];

    public static readonly IReadOnlyList<string> Guidance =
    [
        "Tệp gồm ba sheet: Đơn vị, Người dùng, Vai trò; sheet nào không cần có thể để trống. Mỗi dòng được kiểm tra và xem trước; chưa có gì được lưu cho đến khi xác nhận.",
        "Đơn vị cấp trên có thể ở dòng dưới đơn vị cấp dưới: hệ thống sắp theo cây. Mã cấp trên không có trong tệp lẫn hệ thống, hoặc vòng lặp cấp trên, bị từ chối.",
        "Nhập lại cùng tệp không thay đổi gì. Tên hoặc cấp trên khác với hệ thống là đổi tên, chuyển cấp trên từ “Ngày áp dụng”; lịch sử cũ được giữ.",
        "Sáp nhập (ví dụ các xã, phường sáp nhập năm 2025): ghi mã đơn vị tiếp nhận và ngày sáp nhập; đơn vị đã sáp nhập không hoàn tác được bằng tệp.",
        "Người dùng nhập từ tệp chưa có mật khẩu: quản trị hệ thống đặt mật khẩu cho từng người ở trang Người dùng trước khi họ đăng nhập. Tệp không chứa mật khẩu.",
        "Vai trò quản trị hệ thống không giao bằng tệp. Tệp chỉ thêm vai trò; thu hồi vai trò ở trang Người dùng."
    ];

    /// <summary>A new unit's stream id from its code, so two confirmations racing on one code collide on the stream.</summary>
    public static Guid UnitId(string code) => Id("directory-unit/" + code.ToUpperInvariant());

    public static Guid PersonId(string userName) => Id("directory-person/" + Credential.Key(userName));

    static Guid Id(string text) => new(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 16));

    /// <summary>The Directory as it stands, written as a filled template: importing it again changes nothing.</summary>
    public static IReadOnlyList<TemplateWriter.SheetRows> Export(UnitTree tree, IEnumerable<Person> people, IReadOnlyList<CatalogLevel> levels)
    {
        string? CodeOf(Guid? id) => tree.Find(id)?.Code;
        var units = UnitQueries.Flatten(tree).Select(u => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
        {
            [Code] = u.Code, [Name] = u.Name, [Kind] = UnitKinds.Label(u.Kind), [Parent] = CodeOf(u.ParentId),
            [Level] = u.CoversLevel is null ? null : BoardLevels.Name(levels, u.CoversLevel),
            [From] = u.Names.Count == 0 ? null : u.Names.Max(n => n.From),
            [MergedInto] = CodeOf(u.MergedInto), [MergedOn] = u.MergedFrom
        }).ToList();
        var list = people.OrderBy(p => p.UserName, StringComparer.Ordinal).ToList();
        var persons = list.Select(p => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
        {
            [UserName] = p.UserName, [FullName] = p.FullName, [Position] = p.Position, [Email] = p.Email
        }).ToList();
        var roles = list.SelectMany(p => p.Roles.Where(r => Roles.IsScoped(r.Role) && tree.Find(r.UnitId) is not null)
            .Select(r => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
            {
                [UserName] = p.UserName, [Role] = Roles.Label(r.Role), [RoleUnit] = CodeOf(r.UnitId)
            })).ToList();
        return [new(UnitSpec(levels), units), new(PersonSpec, persons), new(RoleSpec, roles)];
    }

}
