using Emulation.Kernel.Import;
using Emulation.Registry.Models;

namespace Emulation.Registry.Import;

/// <summary>A step of a model's history as the register records it.</summary>
public enum HistoryStep { Submitted, Accepted, Returned, Rejected, Withdrawn }

/// <summary>The register workbook (ADR 0036): the dossier, its targets and its history, tied together by the province's
/// own row code ("Mã dòng"), which is also the key that makes importing the same file again change nothing.</summary>
public sealed class ModelTemplate
{
    public const string Dossiers = "Hồ sơ", Targets = "Chỉ tiêu", History = "Lịch sử";

    public const string RowCode = "Mã dòng", Kind = "Loại", Name = "Tên mô hình, điển hình", Person = "Họ tên cá nhân",
        Position = "Chức vụ", Unit = "Đơn vị", Period = "Kỳ thi đua", Field = "Lĩnh vực", Level = "Cấp",
        Situation = "Thực trạng, lý do", Objectives = "Mục tiêu, tiêu chí", Content = "Nội dung, cách làm", Area = "Địa bàn",
        TargetGroup = "Đối tượng", Lead = "Lực lượng chủ trì", Coordinating = "Lực lượng phối hợp", Participating = "Lực lượng tham gia",
        Budget = "Kinh phí (đồng)", Facilities = "Cơ sở vật chất", Workdays = "Ngày công", Socialised = "Kinh phí xã hội hóa (đồng)",
        Start = "Ngày bắt đầu", Evaluation = "Ngày đánh giá", Outputs = "Sản phẩm kiểm chứng", Sustainability = "Khả năng duy trì, nhân rộng",
        Replicates = "Nhân rộng từ", RegisteredOn = "Ngày đăng ký";

    public const string Indicator = "Chỉ tiêu", Measure = "Đơn vị tính", Baseline = "Giá trị hiện tại", TargetValue = "Giá trị mục tiêu", Due = "Thời hạn";

    public const string Step = "Bước", Date = "Ngày", Code = "Mã đăng ký", Reason = "Lý do, ghi chú";

    public static readonly CodeList Kinds = new("Loại",
        Enum.GetValues<ModelKind>().Select(k => (k.ToString(), ModelLabels.Kind(k))));

    public static readonly CodeList Steps = new("Bước",
    [
        (nameof(HistoryStep.Submitted), "Gửi Ban xem xét"), (nameof(HistoryStep.Accepted), "Công nhận"),
        (nameof(HistoryStep.Returned), "Trả lại để bổ sung"), (nameof(HistoryStep.Rejected), "Không chấp nhận"),
        (nameof(HistoryStep.Withdrawn), "Đơn vị rút hồ sơ")
    ], [("gui", nameof(HistoryStep.Submitted)), ("gui ban", nameof(HistoryStep.Submitted)), ("cong nhan dang ky", nameof(HistoryStep.Accepted)),
        ("tra lai", nameof(HistoryStep.Returned)), ("rut", nameof(HistoryStep.Withdrawn)), ("rut ho so", nameof(HistoryStep.Withdrawn))]);

    public ModelTemplate(ModelContext context, IEnumerable<Guid> units)
    {
        var tree = context.Access.Tree;
        var listed = units.Select(u => tree.Find(u)).OfType<Units.RegistryUnit>().Where(u => !u.IsBoard && u.Active)
            .OrderBy(u => tree.Path(u.Id), Kernel.Text.VietnameseText.Comparer).ToList();
        UnitList = new CodeList("Đơn vị", listed.Select(u => (u.Id.ToString(), $"{u.Name} ({u.Code})")),
            listed.SelectMany(u => new[] { (u.Name, u.Id.ToString()), (u.Code, u.Id.ToString()) }));
        PeriodList = new CodeList("Kỳ thi đua", context.Periods.Select(p => (p.Id.ToString(), p.Label)));
        FieldList = new CodeList("Lĩnh vực", context.Catalog.Fields.Where(f => f.Active).Select(f => (f.Code, f.Name)));
        LevelList = new CodeList("Cấp", context.Catalog.Levels.Where(l => l.Active).Select(l => (l.Code, l.Name)));
        Sheets =
        [
            new SheetSpec(Dossiers, "mỗi dòng một mô hình, điển hình.",
            [
                new(RowCode, Required: true, Width: 14, MaxLength: 50,
                    Note: "Mã riêng của tỉnh cho dòng này (ví dụ số thứ tự trong sổ). Nhập lại tệp có cùng mã dòng thì cập nhật mô hình đã nhập, không tạo mô hình mới"),
                new(Kind, CellKind.Choice, true, 18, Kinds),
                new(Name, Required: true, Width: 45, MaxLength: ModelRules.MaxName),
                new(Person, Width: 22, MaxLength: ModelRules.MaxShort, Note: "bắt buộc với điển hình cá nhân"),
                new(Position, Width: 18, MaxLength: ModelRules.MaxShort),
                new(Unit, CellKind.Choice, true, 32, UnitList, "Tên đơn vị kèm mã, hoặc chỉ mã đơn vị"),
                new(Period, CellKind.Choice, true, 32, PeriodList),
                new(Field, CellKind.Choice, true, 22, FieldList),
                new(Level, CellKind.Choice, true, 14, LevelList),
                new(RegisteredOn, CellKind.Date, Width: 14, Note: "ngày đơn vị đăng ký; để trống thì lấy ngày của bước đầu tiên trong sheet Lịch sử"),
                new(Situation, Width: 30), new(Objectives, Width: 30), new(Content, Width: 30), new(Area, Width: 20), new(TargetGroup, Width: 20),
                new(Lead, Width: 20), new(Coordinating, Width: 20), new(Participating, Width: 20),
                new(Budget, CellKind.Number, Width: 16), new(Facilities, Width: 20), new(Workdays, CellKind.WholeNumber, Width: 12),
                new(Socialised, CellKind.Number, Width: 16),
                new(Start, CellKind.Date, Width: 14), new(Evaluation, CellKind.Date, Width: 14),
                new(Outputs, Width: 25), new(Sustainability, Width: 25),
                new(Replicates, Width: 16, MaxLength: 50,
                    Note: "mã đăng ký của mô hình đã công nhận mà mô hình này nhân rộng, hoặc mã dòng của mô hình đó trong tệp này")
            ]),
            new SheetSpec(Targets, "các chỉ tiêu đo được của mỗi mô hình, mỗi dòng một chỉ tiêu, ghi mã dòng của mô hình.",
            [
                new(RowCode, Required: true, Width: 14, MaxLength: 50, Note: "mã dòng của mô hình trong sheet Hồ sơ"),
                new(Indicator, Required: true, Width: 36, MaxLength: ModelRules.MaxShort),
                new(Measure, Required: true, Width: 16, MaxLength: 50),
                new(Baseline, CellKind.Number, true, 16), new(TargetValue, CellKind.Number, true, 16),
                new(Due, CellKind.Date, true, 14)
            ]),
            new SheetSpec(History, "các bước đã diễn ra của mỗi hồ sơ, mỗi dòng một bước, với ngày gốc trong sổ.",
            [
                new(RowCode, Required: true, Width: 14, MaxLength: 50, Note: "mã dòng của mô hình trong sheet Hồ sơ"),
                new(Step, CellKind.Choice, true, 20, Steps),
                new(Date, CellKind.Date, true, 14, Note: "ngày gốc của bước (ngày gửi, ngày quyết định công nhận...)"),
                new(Code, Width: 18, MaxLength: 50, Note: "bắt buộc với bước Công nhận: mã đăng ký đã cấp; không được trùng mã đã có"),
                new(Reason, Width: 40, MaxLength: ModelRules.MaxReason, Note: "bắt buộc với bước Trả lại và Không chấp nhận")
            ])
        ];
    }

    public CodeList UnitList { get; }
    public CodeList PeriodList { get; }
    public CodeList FieldList { get; }
    public CodeList LevelList { get; }
    public IReadOnlyList<SheetSpec> Sheets { get; }

    public static readonly IReadOnlyList<string> Guidance =
    [
        "Mỗi mô hình, điển hình là một dòng của sheet Hồ sơ, có một Mã dòng riêng; sheet Chỉ tiêu và sheet Lịch sử ghi lại Mã dòng đó.",
        "Lịch sử giữ ngày gốc: một mô hình công nhận ngày 15/03/2021 được thống kê vào năm 2021. Các bước phải theo thứ tự: gửi Ban, rồi công nhận, trả lại hoặc không chấp nhận; hồ sơ trả lại có thể gửi lại; đơn vị có thể rút hồ sơ chưa được công nhận.",
        "Tải tệp lên, hệ thống kiểm tra và cho xem trước từng dòng (mới, không đổi, cập nhật, bị từ chối kèm lý do). Chưa có gì được lưu cho đến khi bạn xác nhận.",
        "Cán bộ đơn vị nhập hồ sơ của đơn vị mình và các đơn vị trực thuộc (bước gửi Ban, rút hồ sơ); các quyết định (công nhận, trả lại, không chấp nhận) do Thư ký Ban nhập cho các đơn vị Ban theo dõi.",
        "Ô ngày: dùng ô ngày của Excel hoặc gõ ngày/tháng/năm (31/12/2021). Ô số: dùng ô số hoặc gõ kiểu Việt Nam (1.500.000; 12,5)."
    ];
}
