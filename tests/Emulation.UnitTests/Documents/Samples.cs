using Emulation.Documents.Administrative;

namespace Emulation.UnitTests.Documents;

static class Samples
{
    public static readonly Issuer Board = new("Tỉnh ủy Cà Mau", "Ban Dân vận Tỉnh ủy", "12/BB-BDV", "Hà Nội", new DateOnly(2026, 11, 23));

    public static MeetingMinutes Minutes(int rows) => new(
        Board, "Họp xét công nhận mô hình “Dân vận khéo” năm 2026",
        "Vào lúc 08 giờ 00 ngày 23 tháng 11 năm 2026, tại Hội trường Ban Dân vận Tỉnh ủy.",
        "Nguyễn Thị Hoa, Trưởng Ban Dân vận Tỉnh ủy", "Trần Văn Đức, chuyên viên",
        [new("Lê Thị Ngọc Ánh", "Phó Trưởng ban"), new("Phạm Hữu Lộc", "Ủy viên"), new("Hoàng Thị Thúy Hằng", "Ủy ban Mặt trận Tổ quốc"),
            new("Đặng Quốc Việt", "Hội Liên hiệp Phụ nữ"), new("Vũ Thị Mỹ Dung", "Đoàn Thanh niên Cộng sản Hồ Chí Minh")],
        ["Thư ký báo cáo kết quả chấm điểm của các thành viên.", "Thảo luận các mô hình có điểm chênh lệch lớn.", "Biểu quyết công nhận."],
        ["Các thành viên thống nhất đánh giá phong trào thi đua “Dân vận khéo” năm 2026 có nhiều mô hình hiệu quả, lan tỏa ở cơ sở, được nhân dân đồng tình hưởng ứng."],
        Enumerable.Range(1, rows).Select(i => new MinutesResult(ModelName(i), UnitName(i), i % 3 == 0 ? "Kinh tế" : "Văn hóa - xã hội",
            60 + i % 40 + 0.25m, i % 4 == 0 ? "Không công nhận" : "Công nhận", 9, i % 4 == 0 ? 3 : 8, i % 4 == 0 ? 6 : 1)).ToList(),
        "Cuộc họp kết thúc vào lúc 11 giờ 30 cùng ngày; biên bản đã được thông qua trước các thành viên dự họp.",
        new Signature(null, "Thư ký", "Trần Văn Đức"), new Signature(null, "Chủ trì", "Nguyễn Thị Hoa"),
        ["Thường trực Tỉnh ủy", "Các thành viên Hội đồng", "Lưu: VT, BDV"]);

    static readonly string[] Models =
    [
        "Mô hình “Dân vận khéo” xây dựng nông thôn mới", "Tổ tự quản đường hoa", "Nhà nhân ái cho hộ nghèo", "Chợ không rác thải nhựa",
        "Thắp sáng đường quê", "Quỹ vốn xoay vòng giúp nhau thoát nghèo"
    ];
    static readonly string[] Units = ["Phường Đống Đa", "Xã Ẳng Cang", "Ủy ban Mặt trận Tổ quốc", "Hội Nông dân xã Khánh Hội", "Phường Tân Thành"];

    public static string ModelName(int i) => $"{Models[i % Models.Length]} số {i}";
    public static string UnitName(int i) => Units[i % Units.Length];

    public static CommendationProposal Proposal() => new(
        Board with { NumberAndSymbol = "45/DS-BDV" }, "Đề nghị khen thưởng mô hình “Dân vận khéo” tiêu biểu năm 2026",
        ["Căn cứ Luật Thi đua, khen thưởng năm 2022;", "Căn cứ kết quả họp xét ngày 23 tháng 11 năm 2026 của Hội đồng;"],
        [
            new("Bằng khen của Ban Dân vận Trung ương", [new(ModelName(0), UnitName(0), "Kinh tế", 95.5m, "Thu nhập hộ tham gia tăng 30 %.")]),
            new("Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
                Enumerable.Range(1, 12).Select(i => new ProposedModel(ModelName(i), UnitName(i), "Văn hóa - xã hội", 80 + i, "Được nhân dân đồng tình, nhân rộng ở nhiều nơi.")).ToList()),
            new("Giấy khen của Ủy ban nhân dân huyện", [new("Phong trào Tổ quốc ghi công của Nguyễn Thị Hoa", "Phường Đống Đa", "Quốc phòng - an ninh", null, "Giữ gìn an ninh trật tự khu phố.")])
        ],
        new Signature("TM. Ban Thường vụ", "Trưởng ban", "Nguyễn Thị Hoa"), ["Ban Thi đua - Khen thưởng tỉnh", "Lưu: VT, BDV"]);
}
