using Emulation.Kernel.Security;
using Emulation.Kernel.Text;
using Emulation.Kernel.Web;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;

namespace Emulation.Registry.Campaigns;

public sealed record CreateCampaign(string Name, int StartYear, int EndYear);
public sealed record AddPeriod(string Name, PeriodKind Kind, DateOnly? From, DateOnly? To, DateOnly? RegistrationOpens,
    DateOnly? RegistrationCloses, int? CodeYear, long Version);
public sealed record ChangeRegistrationWindow(DateOnly? Opens, DateOnly? Closes, long Version);

public sealed record PeriodView(Guid Id, Guid CampaignId, string CampaignName, string Name, PeriodKind Kind, DateOnly From, DateOnly To,
    DateOnly RegistrationOpens, DateOnly RegistrationCloses, int CodeYear)
{
    public string Label => $"{CampaignName} — {Name}";
    public bool OpenOn(DateOnly day) => RegistrationOpens <= day && day <= RegistrationCloses;
}

public static class Campaigns
{
    public static async Task<IReadOnlyList<Campaign>> AllAsync(IQuerySession session) =>
        (await session.Query<Campaign>().ToListAsync()).OrderByDescending(c => c.StartYear).ThenBy(c => c.Name).ToList();

    public static async Task<IReadOnlyList<PeriodView>> PeriodsAsync(IQuerySession session) =>
        (await AllAsync(session)).SelectMany(c => c.Periods.OrderByDescending(p => p.From).Select(p =>
            new PeriodView(p.Id, c.Id, c.Name, p.Name, p.Kind, p.From, p.To, p.RegistrationOpens, p.RegistrationCloses, p.CodeYear))).ToList();

    public static bool CanManage(CurrentUser user) => user.IsAdmin || user.Has(Roles.BoardSecretary);
}

public static class CampaignEndpoints
{
    [WolverineGet("/api/registry/campaigns"), Authorize(Policy = Policies.SignedIn)]
    public static Task<IReadOnlyList<Campaign>> List(IQuerySession session) => Campaigns.AllAsync(session);

    [WolverinePost("/api/registry/campaigns"), Authorize(Policy = Policies.SignedIn)]
    public static IResult Create(CreateCampaign command, IDocumentSession session, HttpContext ctx, TimeProvider clock, ReferenceData reference)
    {
        if (!Campaigns.CanManage(ctx.CurrentUser())) return Problems.Forbidden("Chỉ quản trị hoặc thư ký Ban được lập đợt thi đua.");
        var name = VietnameseText.Clean(command.Name);
        var errors = new Errors().Required(name, "name", "tên phong trào, đợt thi đua", 200)
            .Add(command.StartYear is < 2000 or > 2100, "startYear", "Năm bắt đầu không hợp lệ.")
            .Add(command.EndYear < command.StartYear || command.EndYear > 2100, "endYear", "Năm kết thúc phải từ năm bắt đầu trở đi.");
        if (!errors.Ok) return Problems.Validation(errors);
        var created = new CampaignCreated(Guid.NewGuid(), name, command.StartYear, command.EndYear, ctx.CurrentUser().Id, clock.GetUtcNow());
        session.Events.StartStream<Campaign>(created.CampaignId, created);
        reference.Invalidate();
        return Results.Created($"/api/registry/campaigns/{created.CampaignId}", new { id = created.CampaignId, version = 1 });
    }

    [WolverinePost("/api/registry/campaigns/{id}/periods"), Authorize(Policy = Policies.SignedIn)]
    public static async Task<IResult> AddPeriod(Guid id, AddPeriod command, IDocumentSession session, HttpContext ctx, TimeProvider clock, ReferenceData reference)
    {
        if (!Campaigns.CanManage(ctx.CurrentUser())) return Problems.Forbidden("Chỉ quản trị hoặc thư ký Ban được lập kỳ đăng ký.");
        var stream = await session.Events.FetchForWriting<Campaign>(id);
        if (stream.Aggregate is null) return Problems.NotFound("Không tìm thấy phong trào thi đua.");
        if (stream.Aggregate.Version != command.Version) return Problems.Conflict(Problems.StaleVersion);
        var name = VietnameseText.Clean(command.Name);
        var errors = new Errors().Required(name, "name", "tên kỳ", 200)
            .Add(command.From is null, "from", "Vui lòng nhập ngày bắt đầu kỳ.")
            .Add(command.To is null, "to", "Vui lòng nhập ngày kết thúc kỳ.")
            .Add(command.From > command.To, "to", "Ngày kết thúc kỳ phải sau ngày bắt đầu.")
            .Add(command.RegistrationOpens is null || command.RegistrationCloses is null, "registrationCloses", "Vui lòng nhập thời hạn đăng ký.")
            .Add(command.RegistrationOpens > command.RegistrationCloses, "registrationCloses", "Hạn đóng đăng ký phải sau ngày mở đăng ký.")
            .Add(!Enum.IsDefined(command.Kind), "kind", "Loại kỳ không hợp lệ.")
            .Add(stream.Aggregate.Periods.Any(p => VietnameseText.Fold(p.Name) == VietnameseText.Fold(name)), "name", "Phong trào đã có kỳ cùng tên.");
        if (!errors.Ok) return Problems.Validation(errors);
        var period = new Period(Guid.NewGuid(), name, command.Kind, command.From!.Value, command.To!.Value,
            command.RegistrationOpens!.Value, command.RegistrationCloses!.Value, command.CodeYear ?? command.To!.Value.Year);
        stream.AppendOne(new PeriodAdded(id, period, ctx.CurrentUser().Id, clock.GetUtcNow()));
        reference.Invalidate();
        return Results.Ok(new { id = period.Id, version = command.Version + 1 });
    }

    [WolverinePost("/api/registry/campaigns/{id}/periods/{periodId}/window"), Authorize(Policy = Policies.SignedIn)]
    public static async Task<IResult> ChangeWindow(Guid id, Guid periodId, ChangeRegistrationWindow command, IDocumentSession session, HttpContext ctx, TimeProvider clock, ReferenceData reference)
    {
        if (!Campaigns.CanManage(ctx.CurrentUser())) return Problems.Forbidden("Chỉ quản trị hoặc thư ký Ban được đổi thời hạn đăng ký.");
        var stream = await session.Events.FetchForWriting<Campaign>(id);
        if (stream.Aggregate?.Periods.Any(p => p.Id == periodId) != true) return Problems.NotFound("Không tìm thấy kỳ đăng ký.");
        if (stream.Aggregate.Version != command.Version) return Problems.Conflict(Problems.StaleVersion);
        var errors = new Errors().Add(command.Opens is null || command.Closes is null, "closes", "Vui lòng nhập thời hạn đăng ký.")
            .Add(command.Opens > command.Closes, "closes", "Hạn đóng đăng ký phải sau ngày mở đăng ký.");
        if (!errors.Ok) return Problems.Validation(errors);
        stream.AppendOne(new RegistrationWindowChanged(id, periodId, command.Opens!.Value, command.Closes!.Value, ctx.CurrentUser().Id, clock.GetUtcNow()));
        reference.Invalidate();
        return Results.Ok(new { id, version = command.Version + 1 });
    }
}
