using Emulation.Directory.People;
using Emulation.Directory.Units;
using Emulation.Kernel.Security;
using Marten;

namespace Emulation.Directory;

/// <summary>Turns a stream's events into the lines of its history, naming who did what and when.</summary>
public static class History
{
    public static async Task<IReadOnlyList<HistoryEntry>> DescribeAsync(IQuerySession session, IEnumerable<(long Version, object Data)> events, UnitTree tree)
    {
        var list = events.ToList();
        var actorIds = list.Select(e => Actor(e.Data)).Where(id => id != Guid.Empty).Distinct().ToList();
        var people = (await session.LoadManyAsync<Person>(actorIds)).ToDictionary(p => p.Id, p => p.FullName);
        string Name(Guid? id) => tree.Find(id)?.Name ?? "(không có)";
        return list.Select(e =>
        {
            var (summary, at) = e.Data switch
            {
                UnitRegistered x => ($"Tạo đơn vị “{x.Name}” ({UnitKinds.Label(x.Kind)}), trực thuộc {Name(x.ParentId)}", x.At),
                UnitRenamed x => ($"Đổi tên thành “{x.Name}” từ ngày {x.EffectiveFrom:dd/MM/yyyy}{Why(x.Reason)}", x.At),
                UnitMoved x => ($"Chuyển trực thuộc {Name(x.ParentId)} từ ngày {x.EffectiveFrom:dd/MM/yyyy}{Why(x.Reason)}", x.At),
                UnitMerged x => ($"Sáp nhập vào {Name(x.IntoUnitId)} từ ngày {x.EffectiveFrom:dd/MM/yyyy}{Why(x.Reason)}", x.At),
                PersonRegistered x => ($"Tạo tài khoản “{x.UserName}” cho {x.FullName}", x.At),
                PersonDetailsChanged x => ($"Cập nhật thông tin: {x.FullName}, {x.Position}, {x.Email}", x.At),
                RoleGranted x => ($"Giao vai trò {Roles.Label(x.Role)}{(x.UnitId is null ? "" : " tại " + Name(x.UnitId))}", x.At),
                RoleRevoked x => ($"Thu hồi vai trò {Roles.Label(x.Role)}{(x.UnitId is null ? "" : " tại " + Name(x.UnitId))}", x.At),
                PasswordSet x => ("Đặt lại mật khẩu", x.At),
                PersonDisabled x => ($"Khóa tài khoản{Why(x.Reason)}", x.At),
                PersonEnabled x => ("Mở khóa tài khoản", x.At),
                _ => (e.Data.GetType().Name, DateTimeOffset.MinValue)
            };
            var by = Actor(e.Data);
            return new HistoryEntry(e.Version, e.Data.GetType().Name, summary, by,
                by == Guid.Empty ? "Hệ thống" : people.GetValueOrDefault(by, "(không rõ)"), at);
        }).ToList();
    }

    static string Why(string? reason) => string.IsNullOrWhiteSpace(reason) ? "" : $". Lý do: {reason}";

    static Guid Actor(object e) => e switch
    {
        UnitRegistered x => x.By, UnitRenamed x => x.By, UnitMoved x => x.By, UnitMerged x => x.By,
        PersonRegistered x => x.By, PersonDetailsChanged x => x.By, RoleGranted x => x.By, RoleRevoked x => x.By,
        PasswordSet x => x.By, PersonDisabled x => x.By, PersonEnabled x => x.By,
        _ => Guid.Empty
    };
}
