using Emulation.Registry.Models;
using JasperFx.Events;
using Marten;

namespace Emulation.Benchmarks;

/// <summary>Model streams as the registry writes them (drafted, then submitted, then decided), for a bulk append to the event
/// store; the search model is then built from them by the projection daemon, like any other stream.</summary>
public static class ModelStreams
{
    static readonly string[] Names =
    [
        "Đưa màu xuống ruộng", "Tiết kiệm giúp nhau xóa đói, giảm nghèo", "Trồng cây ăn trái kết hợp với nuôi cá đồng", "Nuôi cua đinh thương phẩm",
        "Cá chình - bống tượng", "5 không, 3 sạch", "Xây dựng tuyến dân cư nông thôn mới kiểu mẫu", "Mẹ đỡ đầu", "Mái ấm tình thương",
        "Đổi rác thải nhựa lấy quà", "Địa chỉ tin cậy, nhà tạm lánh", "Ánh sáng an ninh", "Thắp sáng ước mơ hoàn lương", "Đội tàu thuyền an toàn",
        "Ấp điểm không có tội phạm và tệ nạn xã hội", "Tết Quân - Dân", "Chính quyền thân thiện", "Cán bộ tìm dân", "Dân vận khéo trong cải cách hành chính"
    ];
    static readonly string[] Places = ["ấp Cái Rắn", "khóm 3", "ấp Kinh Hội", "khóm 5", "ấp Tân Lợi", "tổ 12", "ấp Sào Lưới", "khóm 1"];
    static readonly string[] Levels = ["co-so", "co-so", "co-so", "huyen", "tinh"];
    static readonly string[] Fields = ["kinh-te", "van-hoa-xa-hoi", "quoc-phong-an-ninh", "xay-dung-he-thong-chinh-tri", "nong-thon-moi", "cai-cach-hanh-chinh"];

    public sealed record Setting(IReadOnlyList<Guid> Units, IReadOnlyList<Guid> Boards, Guid Province, string ProvinceCode, IReadOnlyList<Guid> Periods, Guid By);

    /// <summary>Streams in batches (so 200,000 of them never sit in memory at once), with the number of events in each batch.</summary>
    /// <param name="accepted">Every model accepted (a round's models), rather than the register's mix of outcomes.</param>
    /// <param name="level">Every model at this level rather than a mix.</param>
    public static IEnumerable<(List<StreamAction> Streams, int Events)> Batches(DocumentStore store, int count, Setting s, int batch = 5_000,
        bool accepted = false, string? level = null)
    {
        var random = new Random(20260101);
        var start = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var codes = 0;
        for (var from = 0; from < count; from += batch)
        {
            var streams = new List<StreamAction>();
            var events = 0;
            for (var i = from; i < Math.Min(count, from + batch); i++)
            {
                var id = Guid.NewGuid();
                var at = start.AddMinutes(random.Next(0, 60 * 24 * 365 * 6));
                var details = new ModelDetails(random.Next(10) < 8 ? ModelKind.Model : ModelKind.CollectiveExemplar,
                    $"{Names[random.Next(Names.Length)]} {Places[random.Next(Places.Length)]} {i}", null, null,
                    s.Periods[random.Next(s.Periods.Count)], Fields[random.Next(Fields.Length)], level ?? Levels[random.Next(Levels.Length)],
                    "Thu nhập hộ còn thấp", "Nâng thu nhập", "Họp dân, tập huấn", "Phường 1", "Hộ dân", null, null, null,
                    50_000_000m, null, 120, null, DateOnly.FromDateTime(at.UtcDateTime), DateOnly.FromDateTime(at.UtcDateTime).AddMonths(6), [],
                    [new Target("Thu nhập bình quân hộ", "triệu đồng/năm", 60, 100, DateOnly.FromDateTime(at.UtcDateTime).AddMonths(6))], null, null, null);
                var unit = s.Units[random.Next(s.Units.Count)];
                var list = new List<object> { new ModelDrafted(id, unit, s.Province, details, s.By, at) };
                var outcome = accepted ? 2 : random.Next(6);
                if (outcome > 0) list.Add(new ModelSubmitted(id, s.Boards[random.Next(s.Boards.Count)], [], s.By, at.AddDays(3)));
                if (outcome == 2) list.Add(new ModelAccepted(id, $"{s.ProvinceCode}-{2020 + random.Next(6)}-{++codes:000000}", null, s.By, at.AddDays(20)));
                if (outcome == 3) list.Add(new ModelReturned(id, "Bổ sung chỉ tiêu", s.By, at.AddDays(20)));
                if (outcome == 4) list.Add(new ModelRejected(id, "Chưa đạt", s.By, at.AddDays(20)));
                if (outcome == 5) list.Add(new ModelWithdrawn(id, "Đăng ký nhầm kỳ", s.By, at.AddDays(10)));
                streams.Add(StreamAction.Start(store.Events, id, list.ToArray()));
                events += list.Count;
            }
            yield return (streams, events);
        }
    }
}
