using Emulation.Directory.People;
using Emulation.Directory.Units;
using Emulation.Kernel;
using Emulation.Kernel.Security;
using Marten;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Emulation.Directory.Seed;

/// <summary>Units and people from the seed articles (Cà Mau, Bạc Liêu, Thanh Hóa), seeded once.</summary>
public sealed class DirectoryDemoSeed : IDemoSeed
{
    public int Order => 10;

    /// <summary>Every demo account uses this password; `./build.sh run` prints it.</summary>
    public const string Password = "DanVanKheo2025";

    sealed record U(string Code, string Name, UnitKind Kind, string? Parent, string? Covers = null);

    static readonly U[] Units =
    [
        new("CM", "Tỉnh Cà Mau", UnitKind.Province, null),
        new("CM-BDV", "Ban Dân vận Tỉnh ủy Cà Mau", UnitKind.Board, "CM", StandardLevels.Province),
        new("CM-HLHPN", "Hội Liên hiệp Phụ nữ tỉnh Cà Mau", UnitKind.MassOrganisation, "CM"),
        new("CM-TD", "Tỉnh Đoàn Cà Mau", UnitKind.MassOrganisation, "CM"),
        new("CM-HND", "Hội Nông dân tỉnh Cà Mau", UnitKind.MassOrganisation, "CM"),
        new("CM-HCCB", "Hội Cựu chiến binh tỉnh Cà Mau", UnitKind.MassOrganisation, "CM"),
        new("CM-CA", "Công an tỉnh Cà Mau", UnitKind.ArmedForces, "CM"),
        new("CM-BCHQS", "Bộ Chỉ huy Quân sự tỉnh Cà Mau", UnitKind.ArmedForces, "CM"),
        new("CM-TP", "Thành phố Cà Mau", UnitKind.District, "CM"),
        new("CM-TP-BDV", "Ban Dân vận Thành ủy Cà Mau", UnitKind.Board, "CM-TP", StandardLevels.District),
        new("CM-P1", "Phường 1", UnitKind.Commune, "CM-TP"),
        new("CM-P1-BCD", "Ban Chỉ đạo thực hiện Quy chế dân chủ Phường 1", UnitKind.Board, "CM-P1", StandardLevels.Grassroots),
        new("CM-P5", "Phường 5", UnitKind.Commune, "CM-TP"),
        new("CM-P8", "Phường 8", UnitKind.Commune, "CM-TP"),
        new("CM-UM", "Huyện U Minh", UnitKind.District, "CM"),
        new("CM-UM-BDV", "Ban Dân vận Huyện ủy U Minh", UnitKind.Board, "CM-UM", StandardLevels.District),
        new("CM-KH", "Xã Khánh Hội", UnitKind.Commune, "CM-UM"),
        new("CM-TVT", "Huyện Trần Văn Thời", UnitKind.District, "CM"),
        new("CM-TVT-BDV", "Ban Dân vận Huyện ủy Trần Văn Thời", UnitKind.Board, "CM-TVT", StandardLevels.District),
        new("CM-TH", "Xã Trần Hợi", UnitKind.Commune, "CM-TVT"),
        new("BL", "Tỉnh Bạc Liêu", UnitKind.Province, null),
        new("BL-TP", "Thành phố Bạc Liêu", UnitKind.District, "BL"),
        new("BL-NM", "Phường Nhà Mát", UnitKind.Commune, "BL-TP"),
        new("TH", "Tỉnh Thanh Hóa", UnitKind.Province, null),
        new("TH-BDV", "Ban Dân vận Tỉnh ủy Thanh Hóa", UnitKind.Board, "TH", StandardLevels.Province),
        new("TH-TP", "Thành phố Thanh Hóa", UnitKind.District, "TH"),
        new("TH-DC", "Phường Đông Cương", UnitKind.Commune, "TH-TP"),
        new("TH-DS", "Phường Đông Sơn", UnitKind.Commune, "TH-TP"),
    ];

    sealed record P(string UserName, string FullName, string Position, params (string Role, string? Unit)[] Roles);

    public static readonly IReadOnlyList<(string UserName, string FullName, string What)> Accounts =
    [
        ("quantri", "Trần Quốc Bảo", "quản trị hệ thống"),
        ("canbo.phuong1", "Nguyễn Thị Hoa", "cán bộ Phường 1 (đăng ký mô hình)"),
        ("canbo.khanhhoi", "Lê Văn Tâm", "cán bộ xã Khánh Hội"),
        ("canbo.phunu", "Phạm Thị Lan", "cán bộ Hội LHPN tỉnh"),
        ("thuky.bdvtinh", "Võ Minh Trí", "thư ký Ban Dân vận Tỉnh ủy"),
        ("uyvien.bdvtinh", "Huỳnh Thị Mai", "thành viên Ban Dân vận Tỉnh ủy"),
        ("truongban.bdvtinh", "Nguyễn Thị Hồng", "Trưởng Ban Dân vận Tỉnh ủy (ký giấy khen của Ban)"),
        ("thuky.bdvtp", "Đặng Văn Hùng", "thư ký Ban Dân vận Thành ủy Cà Mau"),
        ("thuky.phuong1", "Trương Thị Ngọc", "thư ký Ban Chỉ đạo QCDC Phường 1"),
        ("lanhdao.tinh", "Ngô Văn Phúc", "lãnh đạo phê duyệt cấp tỉnh"),
        ("chuyengia.kinhte", "Trần Thanh Sơn", "chuyên gia thẩm định (kinh tế) của Ban Dân vận Tỉnh ủy"),
        ("chuyengia.xahoi", "Lý Thị Hồng", "chuyên gia thẩm định (văn hóa - xã hội) của Ban Dân vận Tỉnh ủy"),
    ];

    static readonly P[] People =
    [
        new("quantri", "Trần Quốc Bảo", "Quản trị hệ thống", (Roles.Admin, null)),
        new("canbo.phuong1", "Nguyễn Thị Hoa", "Công chức Văn hóa - Xã hội Phường 1", (Roles.Officer, "CM-P1")),
        new("canbo.khanhhoi", "Lê Văn Tâm", "Phó Chủ tịch UBND xã Khánh Hội", (Roles.Officer, "CM-KH")),
        new("canbo.phunu", "Phạm Thị Lan", "Trưởng ban Tuyên giáo Hội LHPN tỉnh", (Roles.Officer, "CM-HLHPN")),
        new("thuky.bdvtinh", "Võ Minh Trí", "Chuyên viên Ban Dân vận Tỉnh ủy", (Roles.BoardSecretary, "CM-BDV"), (Roles.BoardMember, "CM-BDV")),
        new("uyvien.bdvtinh", "Huỳnh Thị Mai", "Phó Trưởng Ban Dân vận Tỉnh ủy", (Roles.BoardMember, "CM-BDV")),
        // Signs what the board itself issues (the Giấy khen of the Head of the Board): the demo's draft 48/QĐ-BDVTU names her.
        new("truongban.bdvtinh", "Nguyễn Thị Hồng", "Trưởng Ban Dân vận Tỉnh ủy", (Roles.Approver, "CM-BDV")),
        new("thuky.bdvtp", "Đặng Văn Hùng", "Chuyên viên Ban Dân vận Thành ủy", (Roles.BoardSecretary, "CM-TP-BDV"), (Roles.BoardMember, "CM-TP-BDV")),
        new("thuky.phuong1", "Trương Thị Ngọc", "Thư ký Ban Chỉ đạo QCDC Phường 1", (Roles.BoardSecretary, "CM-P1-BCD"), (Roles.BoardMember, "CM-P1-BCD")),
        new("lanhdao.tinh", "Ngô Văn Phúc", "Phó Chủ tịch UBND tỉnh", (Roles.Approver, "CM")),
        new("chuyengia.kinhte", "Trần Thanh Sơn", "Giảng viên Trường Chính trị tỉnh", (Roles.Expert, "CM-BDV")),
        new("chuyengia.xahoi", "Lý Thị Hồng", "Phó Giám đốc Sở Văn hóa, Thể thao và Du lịch", (Roles.Expert, "CM-BDV")),
    ];

    public async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var session = scope.ServiceProvider.GetRequiredService<IDocumentSession>();
        if (await session.Query<Unit>().AnyAsync(ct)) return;

        var hasher = scope.ServiceProvider.GetRequiredService<IPasswordHasher<Credential>>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var now = clock.GetUtcNow();
        var since = new DateOnly(2020, 1, 1);
        var ids = Units.ToDictionary(u => u.Code, _ => Guid.NewGuid());

        foreach (var u in Units)
        {
            var registered = new UnitRegistered(ids[u.Code], u.Code, u.Name, u.Kind, u.Parent is null ? null : ids[u.Parent], u.Covers, since, Guid.Empty, now);
            session.Events.StartStream<Unit>(registered.UnitId, registered);
        }
        // The 2025 reform: Bạc Liêu province merged into Cà Mau from 1 July 2025; its records stay under its old name.
        var merge = new UnitMerged(ids["BL"], ids["CM"], new DateOnly(2025, 7, 1), "Nghị quyết số 202/2025/QH15 về sắp xếp đơn vị hành chính cấp tỉnh", Guid.Empty, now);
        session.Events.Append(merge.UnitId, merge);

        foreach (var p in People)
        {
            var registered = new PersonRegistered(Guid.NewGuid(), p.UserName, p.FullName, p.Position, null,
                p.Roles.Select(r => new RoleAssignment(r.Role, r.Unit is null ? null : ids[r.Unit])).ToList(), Guid.Empty, now);
            session.Events.StartStream<Person>(registered.PersonId, registered, new PasswordSet(registered.PersonId, Guid.Empty, now));
            var credential = new Credential { Id = p.UserName, PersonId = registered.PersonId };
            credential.PasswordHash = hasher.HashPassword(credential, Password);
            session.Store(credential);
        }
        // Other modules' copies follow from the feed (ADR 0011), as for any change made through the API.
        await session.SaveChangesAsync(ct);
    }
}
