using Emulation.Kernel;
using Emulation.Kernel.Security;
using Emulation.Registry.Campaigns;
using Emulation.Registry.Catalog;
using Emulation.Registry.Models;
using Emulation.Registry.Units;
using Emulation.Scope;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Emulation.Registry.Seed;

/// <summary>The seed articles' models across Cà Mau, Bạc Liêu and Thanh Hóa, in realistic states: accepted with codes,
/// returned with a reason, one rejected, one flagged as a near-duplicate, one replicated, some waiting for the board.</summary>
public sealed class RegistryDemoSeed(ILogger<RegistryDemoSeed> log) : IDemoSeed
{
    public int Order => 20;

    enum S { Draft, Submitted, Accepted, Returned, Rejected }

    sealed record Spec(string Unit, string Name, string Level, string Field, string Period, S State, string? Reason = null,
        string? Replicates = null, ModelKind Kind = ModelKind.Model, string? Person = null, Target? Target = null, int DaysAgo = 0);

    const string SoKet = "so-ket", TongKet = "tong-ket", Current = "current";

    static readonly Spec[] Specs =
    [
        new("CM-HND", "Đưa màu xuống ruộng", "tinh", "kinh-te", SoKet, S.Accepted,
            Target: new Target("Thu nhập bình quân mỗi hộ tham gia", "triệu đồng/năm", 60, 100, new DateOnly(2023, 6, 30))),
        new("CM-HLHPN", "Tiết kiệm giúp nhau xóa đói, giảm nghèo", "tinh", "kinh-te", SoKet, S.Accepted),
        new("CM-HLHPN", "Mẹ đỡ đầu", "tinh", "van-hoa-xa-hoi", SoKet, S.Accepted),
        new("CM-HLHPN", "Địa chỉ tin cậy, nhà tạm lánh", "tinh", "van-hoa-xa-hoi", SoKet, S.Accepted),
        new("CM-CA", "Ánh sáng an ninh", "tinh", "quoc-phong-an-ninh", SoKet, S.Accepted),
        new("CM-CA", "Thắp sáng ước mơ hoàn lương", "tinh", "quoc-phong-an-ninh", SoKet, S.Accepted),
        new("CM-CA", "Đội tàu thuyền an toàn", "tinh", "quoc-phong-an-ninh", SoKet, S.Accepted),
        new("CM-BCHQS", "Tết Quân - Dân", "tinh", "quoc-phong-an-ninh", SoKet, S.Accepted),
        new("CM-TH", "Đưa màu xuống ruộng", "huyen", "kinh-te", SoKet, S.Accepted, Replicates: "Đưa màu xuống ruộng"),
        new("CM-TH", "Cá chình - bống tượng", "huyen", "kinh-te", SoKet, S.Accepted),
        new("CM-KH", "Nuôi cua đinh thương phẩm", "huyen", "kinh-te", SoKet, S.Accepted),
        new("CM-KH", "Xây dựng tuyến dân cư nông thôn mới kiểu mẫu", "huyen", "nong-thon-moi", SoKet, S.Accepted),
        new("CM-TH", "Xây dựng tuyến dân cư nông thôn mới kiểu mẫu", "huyen", "nong-thon-moi", SoKet, S.Accepted),
        new("CM-KH", "Ấp điểm không có tội phạm và tệ nạn xã hội", "huyen", "quoc-phong-an-ninh", SoKet, S.Accepted),
        new("CM-KH", "Trồng cây ăn trái kết hợp với nuôi cá đồng", "huyen", "kinh-te", SoKet, S.Returned,
            "Chỉ tiêu chưa nêu diện tích và số hộ tham gia; đề nghị bổ sung số liệu hiện trạng."),
        new("CM-P5", "5 không, 3 sạch", "huyen", "nong-thon-moi", SoKet, S.Accepted),
        new("CM-P8", "Mái ấm tình thương", "huyen", "van-hoa-xa-hoi", SoKet, S.Accepted),
        new("CM-P5", "Mô hình dân vận", "huyen", "xay-dung-he-thong-chinh-tri", SoKet, S.Rejected,
            "Tên và nội dung chung chung, không nêu cách làm cụ thể; trùng với nhiệm vụ thường xuyên của đơn vị."),
        new("CM-P1", "4 xin, 4 luôn", "co-so", "xay-dung-he-thong-chinh-tri", SoKet, S.Accepted),
        new("CM-P1", "5 biết", "co-so", "xay-dung-he-thong-chinh-tri", SoKet, S.Accepted),
        new("CM-P8", "Chính quyền thân thiện", "huyen", "cai-cach-hanh-chinh", TongKet, S.Accepted),
        new("BL-NM", "3 không", "tinh", "xay-dung-he-thong-chinh-tri", TongKet, S.Accepted),
        new("BL-NM", "3 xin", "tinh", "xay-dung-he-thong-chinh-tri", TongKet, S.Accepted),
        new("BL-NM", "3 trong 1", "tinh", "cai-cach-hanh-chinh", TongKet, S.Accepted),
        new("BL-NM", "Giờ làm việc thứ 9", "tinh", "cai-cach-hanh-chinh", TongKet, S.Accepted),
        new("TH-DC", "Cột điện nở hoa", "tinh", "nong-thon-moi", TongKet, S.Accepted),
        new("TH-DC", "Đường tranh bích họa", "tinh", "van-hoa-xa-hoi", TongKet, S.Accepted),
        new("TH-DS", "Thùng rác thông minh", "tinh", "nong-thon-moi", TongKet, S.Accepted),
        new("TH-DS", "Tuyến đường phụ nữ tự quản", "tinh", "van-hoa-xa-hoi", TongKet, S.Accepted),
        new("CM-P1", "Đổi rác thải nhựa lấy quà", "co-so", "van-hoa-xa-hoi", Current, S.Draft, DaysAgo: 3),
        new("CM-P1", "Cán bộ tìm dân", "co-so", "xay-dung-he-thong-chinh-tri", Current, S.Submitted, DaysAgo: 20),
        new("CM-HLHPN", "Phụ nữ tham gia bảo vệ môi trường ven biển", "tinh", "van-hoa-xa-hoi", Current, S.Submitted, DaysAgo: 2),
        new("CM-KH", "Trồng cây ăn trái kết hợp với nuôi cá đồng", "huyen", "kinh-te", Current, S.Returned,
            "Đề nghị bổ sung chỉ tiêu về số hộ tham gia và kế hoạch nhân rộng ra các ấp.", DaysAgo: 10),
        new("CM-P1", "Nguyễn Văn Sáu, Tổ trưởng tổ dân phố", "co-so", "xay-dung-he-thong-chinh-tri", Current, S.Submitted,
            Kind: ModelKind.IndividualExemplar, Person: "Nguyễn Văn Sáu", DaysAgo: 4),
    ];

    public async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var session = scope.ServiceProvider.GetRequiredService<IDocumentSession>();
        if (await session.Query<Campaign>().AnyAsync(ct)) return;

        // The Directory's seed has committed; its units and people reach this module's copies through the feed.
        if (!await scope.ServiceProvider.GetRequiredService<Feeds>().WaitUntilCopiedAsync(Feed.Directory, TimeSpan.FromSeconds(60), ct))
            throw new InvalidOperationException("Registry demo data: the Directory feed did not reach the registry's copies within 60 s.");
        var tree = await scope.ServiceProvider.GetRequiredService<UnitDirectory>().TreeAsync(ct);

        var store = scope.ServiceProvider.GetRequiredService<IDocumentStore>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var year = now.VietnamDate().Year;
        var catalog = RegistryCatalog.Default();
        session.Events.StartStream<RegistryCatalog>(RegistryCatalog.StreamId, new CatalogStarted(catalog.Fields, catalog.Levels, Guid.Empty, now));

        var campaignId = Guid.NewGuid();
        var periods = new Dictionary<string, Period>
        {
            [SoKet] = new(Guid.NewGuid(), "Sơ kết 2020-2023", PeriodKind.Preliminary, new(2020, 1, 1), new(2023, 6, 30), new(2020, 1, 1), new(2022, 12, 31), 2023),
            [TongKet] = new(Guid.NewGuid(), "Tổng kết 2020-2025", PeriodKind.Final, new(2020, 1, 1), new(2025, 12, 31), new(2024, 1, 1), new(2025, 6, 30), 2025),
        };
        session.Events.StartStream<Campaign>(campaignId, new CampaignCreated(campaignId, "Dân vận khéo 2020-2025", 2020, 2025, Guid.Empty, now),
            new PeriodAdded(campaignId, periods[SoKet], Guid.Empty, now), new PeriodAdded(campaignId, periods[TongKet], Guid.Empty, now));
        var currentId = Guid.NewGuid();
        periods[Current] = new(Guid.NewGuid(), $"Năm {year}", PeriodKind.Year, new(year, 1, 1), new(year, 12, 31), new(year, 1, 1), new(year, 12, 31), year);
        session.Events.StartStream<Campaign>(currentId, new CampaignCreated(currentId, $"Dân vận khéo 2025-2030", 2025, 2030, Guid.Empty, now),
            new PeriodAdded(currentId, periods[Current], Guid.Empty, now));

        var people = await session.Query<Recipient>().ToListAsync(ct);
        Guid Actor(string role, Guid unit) => people.FirstOrDefault(p => p.Roles.Contains(Recipient.Key(role, unit)))?.Id ?? Guid.Empty;

        var seeded = new List<(Spec Spec, Guid Id, Guid Province, string? Code, ModelStatus Status)>();
        var n = 0;
        foreach (var spec in Specs)
        {
            n++;
            var unit = tree.ByCode(spec.Unit)!;
            var province = tree.Province(unit.Id)!;
            var period = periods[spec.Period];
            var start = spec.Period == Current ? now.AddDays(-spec.DaysAgo - 5) : new DateTimeOffset(period.RegistrationOpens.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(20 + n * 9);
            var source = spec.Replicates is null ? (Guid?)null : seeded.First(s => s.Spec.Name == spec.Replicates && s.Code is not null).Id;
            var details = Details(spec, period, source);
            var id = Guid.NewGuid();
            var officer = Actor(Roles.Officer, unit.Id);
            var events = new List<object> { new ModelDrafted(id, unit.Id, province.Id, details, officer, start) };

            var status = ModelStatus.Draft;
            string? code = null;
            if (spec.State != S.Draft)
            {
                var board = tree.BoardFor(unit.Id, spec.Level)!;
                var submittedAt = spec.Period == Current ? now.AddDays(-spec.DaysAgo) : start.AddDays(7);
                var duplicates = seeded.Where(s => s.Spec.Period == spec.Period && s.Province == province.Id && s.Status != ModelStatus.Rejected && s.Id != source)
                    .Where(s => Similarity.Key(s.Spec.Name) == Similarity.Key(spec.Name))
                    .Select(s => new NearDuplicate(s.Id, s.Spec.Name, tree.ByCode(s.Spec.Unit)!.Id, s.Code, 1.0)).ToList();
                events.Add(new ModelSubmitted(id, board.Id, duplicates, officer, submittedAt));
                status = ModelStatus.Submitted;
                var decider = Actor(Roles.BoardSecretary, board.Id);
                var decidedAt = spec.Period == Current ? now.AddDays(-spec.DaysAgo + 1) : submittedAt.AddDays(12);
                switch (spec.State)
                {
                    case S.Accepted:
                        code = await ModelLookups.NextCodeAsync(store, province.Code, period.CodeYear, ct);
                        events.Add(new ModelAccepted(id, code, null, decider, decidedAt));
                        status = ModelStatus.Accepted;
                        break;
                    case S.Returned:
                        events.Add(new ModelReturned(id, spec.Reason!, decider, decidedAt));
                        status = ModelStatus.Returned;
                        break;
                    case S.Rejected:
                        events.Add(new ModelRejected(id, spec.Reason!, decider, decidedAt));
                        status = ModelStatus.Rejected;
                        break;
                }
            }
            session.Events.StartStream<Model>(id, events.ToArray());
            if (status != ModelStatus.Rejected)
                session.Insert(new ModelNameClaim { Id = ModelNameClaim.Key(unit.Id, period.Id, details.Name), ModelId = id });
            seeded.Add((spec, id, province.Id, code, status));
        }
        await session.SaveChangesAsync(ct);
        log.LogInformation("Registry demo data: {Count} models and exemplars", seeded.Count);

        // Fill the demo inboxes now rather than at the next hourly run, once the list has caught up.
        for (var i = 0; i < 100 && await session.Query<ModelSummary>().CountAsync(ct) < seeded.Count; i++) await Task.Delay(100, ct);
        await scope.ServiceProvider.GetRequiredService<Wolverine.IMessageBus>().PublishAsync(new Reminders.SendRegistryReminders());
    }

    static ModelDetails Details(Spec s, Period period, Guid? replicates)
    {
        var start = period.From.AddMonths(2);
        var target = s.Target ?? new Target("Số hộ dân tham gia", "hộ", 20, 120, period.To);
        return new ModelDetails(s.Kind, s.Name, s.Person, s.Person is null ? null : "Tổ trưởng tổ dân phố số 3",
            period.Id, s.Field, s.Level,
            Situation: $"Trước khi có “{s.Name}”, việc vận động nhân dân trên địa bàn còn rời rạc, hiệu quả chưa cao; người dân chưa được bàn và tham gia từ đầu.",
            Objectives: $"Huy động nhân dân cùng thực hiện “{s.Name}”; tiêu chí đánh giá: số hộ tham gia, mức độ hài lòng, kết quả đo được theo chỉ tiêu.",
            ContentAndMethods: "Khảo sát nhu cầu; họp dân bàn cách làm; phân công đoàn viên, hội viên phụ trách từng nhóm hộ; sơ kết 6 tháng, rút kinh nghiệm.",
            Area: "Toàn địa bàn đơn vị, ưu tiên các ấp, khóm khó khăn",
            TargetGroup: "Hộ gia đình, hội viên, đoàn viên trên địa bàn",
            LeadForce: "Ban Chỉ đạo, Mặt trận và các đoàn thể đơn vị: chủ trì, xây dựng kế hoạch",
            CoordinatingForces: "Công an, quân sự, trường học: phối hợp tuyên truyền", ParticipatingForces: "Nhân dân trên địa bàn",
            Budget: 50_000_000, Facilities: "Hội trường ấp, loa truyền thanh", Workdays: 400, SocialisedFunds: 120_000_000,
            StartDate: start, EvaluationDate: period.To,
            Milestones: [new Milestone(start.AddMonths(6), "Sơ kết 6 tháng"), new Milestone(period.To.AddMonths(-1), "Đánh giá, đề xuất nhân rộng")],
            Targets: [target],
            Outputs: "Báo cáo kết quả, danh sách hộ tham gia, hình ảnh trước và sau", Sustainability: "Giao chi hội, tổ dân phố duy trì; nhân rộng ra các đơn vị lân cận",
            ReplicatesModelId: replicates);
    }
}
