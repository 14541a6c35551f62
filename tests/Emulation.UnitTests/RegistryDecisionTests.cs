using Emulation.Kernel.Security;
using Emulation.Registry;
using Emulation.Registry.Campaigns;
using Emulation.Registry.Catalog;
using Emulation.Registry.Models;
using Emulation.Registry.Units;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Emulation.UnitTests;

/// <summary>The registry's commands decide in pure functions: state and command in, events and an answer out.</summary>
public sealed class RegistryDecisionTests
{
    static readonly DateTimeOffset Now = new(2026, 3, 2, 3, 0, 0, TimeSpan.Zero);

    static RegistryUnit U(string code, string kind, RegistryUnit? parent, string? covers = null) =>
        new() { Id = Guid.NewGuid(), Code = code, Name = code, Kind = kind, ParentId = parent?.Id, CoversLevel = covers, Active = true };

    static readonly RegistryUnit Cm = U("CM", "province", null), CmBoard = U("CM-BDV", "board", Cm, "tinh"), City = U("CM-TP", "district", Cm),
        CityBoard = U("CM-TP-BDV", "board", City, "huyen"), P1 = U("CM-P1", "commune", City), P1Board = U("CM-P1-BCD", "board", P1, "co-so"),
        P5 = U("CM-P5", "commune", City), NoCode = U("", "province", null), NoCodeCommune = U("XA", "commune", NoCode);

    static readonly RegistryUnitTree Tree = new([Cm, CmBoard, City, CityBoard, P1, P1Board, P5, NoCode, NoCodeCommune]);

    static CurrentUser User(params (string Role, RegistryUnit? Unit)[] roles) =>
        new(Guid.NewGuid(), "u", "U", roles.Select(r => new RoleAssignment(r.Role, r.Unit?.Id)).ToList());

    static readonly PeriodView Period = new(Guid.NewGuid(), Guid.NewGuid(), "Dân vận khéo 2025-2030", "Năm 2026", PeriodKind.Year,
        new(2026, 1, 1), new(2026, 12, 31), new(2026, 1, 1), new(2026, 12, 31), 2026);

    static ModelContext Context(CurrentUser user) => new(new RegistryAccess(user, Tree), RegistryCatalog.Default(), [Period]);

    static ModelDetails Details(string level = "co-so") => new(ModelKind.Model, "Cán bộ tìm dân", null, null, Period.Id, "kinh-te", level,
        "Thực trạng", "Mục tiêu", "Cách làm", "Địa bàn", "Hộ dân", null, null, null, null, null, null, null,
        new DateOnly(2026, 2, 1), new DateOnly(2026, 12, 1), [], [new Target("Số hộ", "hộ", 10, 50, new DateOnly(2026, 11, 30))], null, null, null);

    static Model Draft(RegistryUnit unit, string level = "co-so") =>
        Model.Create(new ModelDrafted(Guid.NewGuid(), unit.Id, (Tree.Province(unit.Id) ?? unit).Id, Details(level), Guid.Empty, Now));

    static Model Submitted(RegistryUnit unit, RegistryUnit board) => Draft(unit).Apply(new ModelSubmitted(Guid.Empty, board.Id, [], Guid.Empty, Now)) with { Version = 2 };

    static int Status(IResult result) => ((IStatusCodeHttpResult)result).StatusCode!.Value;

    static IDictionary<string, string[]> Errors(IResult result) => ((HttpValidationProblemDetails)((ProblemHttpResult)result).ProblemDetails).Errors;

    [Fact]
    public void A_step_answers_404_then_403_then_400_then_409()
    {
        var officer = new RegistryAccess(User((Roles.Officer, P1)), Tree);
        var other = new RegistryAccess(User((Roles.Officer, P5)), Tree);
        var draft = Draft(P1);
        Assert.Equal(404, Status(ModelSteps.Refuse(null, officer, "submit", 1)!));
        Assert.Equal(404, Status(ModelSteps.Refuse(draft, other, "submit", 1)!));
        var submitted = Submitted(P1, P1Board);
        Assert.Equal(403, Status(ModelSteps.Refuse(submitted, officer, "accept", 2)!));
        Assert.Equal(400, Status(ModelSteps.Refuse(submitted, officer, "edit", 1)!));
        Assert.Equal(400, Status(ModelSteps.Refuse(draft, officer, "submit", null)!));
        Assert.Equal(409, Status(ModelSteps.Refuse(draft, officer, "submit", 2)!));
        Assert.Null(ModelSteps.Refuse(draft, officer, "submit", 1));
    }

    [Fact]
    public void Submitting_routes_to_the_board_covering_the_level_and_otherwise_changes_nothing()
    {
        var context = Context(User((Roles.Officer, P1)));
        var (ok, events) = SubmitModelEndpoint.Decide(Draft(P1), context, [], Now);
        Assert.Equal(200, Status(ok));
        Assert.Equal(P1Board.Id, Assert.IsType<ModelSubmitted>(Assert.Single(events)).BoardId);

        var (refused, none) = SubmitModelEndpoint.Decide(Draft(P1, "trung-uong"), context, [], Now);
        Assert.Equal(400, Status(refused));
        Assert.Empty(none);
        Assert.Equal(["Chưa có Ban nào theo dõi mô hình cấp trung ương của đơn vị này. Hãy chọn cấp khác hoặc liên hệ quản trị hệ thống."],
            Errors(refused)["levelCode"]);
    }

    [Fact]
    public void A_province_without_a_code_gets_no_registry_code()
    {
        var board = U("XA-BCD", "board", NoCodeCommune, "co-so");
        var tree = new RegistryUnitTree([NoCode, NoCodeCommune, board]);
        var context = new ModelContext(new RegistryAccess(User((Roles.BoardSecretary, board)), tree), RegistryCatalog.Default(), [Period]);
        var model = Draft(NoCodeCommune) with { ProvinceId = NoCode.Id, BoardId = board.Id, Status = ModelStatus.Submitted };
        var refused = AcceptModelEndpoint.Refuse(model, new AcceptModel(null, 2), context, Now);
        Assert.Equal(400, Status(refused!));
        Assert.Contains("chưa có mã", Errors(refused!)["registryCode"][0]);
        Assert.Null(AcceptModelEndpoint.Refuse(Submitted(P1, P1Board), new AcceptModel(null, 2), Context(User((Roles.BoardSecretary, P1Board))), Now));
    }

    [Fact]
    public void Board_decisions_need_a_reason_and_tell_the_unit_once()
    {
        var model = Submitted(P1, P1Board);
        var (refused, none) = ReturnModelEndpoint.Decide(model, new ReturnModel(" ", 2), Guid.Empty, Now);
        Assert.Equal(400, Status(refused));
        Assert.Empty(none);
        var (_, events) = ReturnModelEndpoint.Decide(model, new ReturnModel("Bổ sung số hộ", 2), Guid.Empty, Now);
        var notice = Notices.Decided(model, Assert.Single(events), Tree);
        Assert.Equal((Roles.Officer, P1.Id, Notices.Key("decided", model.Id, 3)), (notice.Role, notice.UnitId, notice.Id));
        Assert.Contains("Bổ sung số hộ", notice.Body);
        var told = Notices.Submitted(Draft(P1), new ModelSubmitted(Guid.Empty, P1Board.Id, [], Guid.Empty, Now), Tree);
        Assert.Equal((Roles.BoardSecretary, P1Board.Id), (told.Role, told.UnitId));
    }

    [Fact]
    public void Drafts_are_the_units_own_and_accepted_models_everyones()
    {
        var draft = Draft(P1);
        var withdrawnDraft = draft.Apply(new ModelWithdrawn(draft.Id, null, Guid.Empty, Now));
        var accepted = Submitted(P1, P1Board) with { Status = ModelStatus.Accepted };
        var submitted = Submitted(P1, P1Board);
        RegistryAccess As(params (string, RegistryUnit?)[] roles) => new(User(roles), Tree);
        Assert.True(As((Roles.Officer, P1)).CanSee(draft));
        Assert.True(As((Roles.Officer, P1)).CanSee(withdrawnDraft));
        foreach (var viewer in new[] { As((Roles.BoardSecretary, P1Board)), As((Roles.Approver, Cm)), As((Roles.Officer, City)), As((Roles.Admin, null)) })
        {
            Assert.False(viewer.CanSee(draft));
            Assert.False(viewer.CanSee(withdrawnDraft));
            Assert.True(viewer.CanSee(submitted));
        }
        Assert.False(As((Roles.Officer, P5)).CanSee(submitted));
        Assert.True(As((Roles.Officer, P5)).CanSee(accepted));
    }

    [Fact]
    public void A_board_secretary_manages_only_the_boards_campaigns()
    {
        var provincial = Campaign.Create(new CampaignCreated(Guid.NewGuid(), "Dân vận khéo", 2025, 2030, Guid.Empty, Now));
        var city = Campaign.Create(new CampaignCreated(Guid.NewGuid(), "Thành phố", 2025, 2030, Guid.Empty, Now, CityBoard.Id));
        var add = new AddPeriod("Năm 2026", PeriodKind.Year, new(2026, 1, 1), new(2026, 12, 31), new(2026, 1, 1), new(2026, 6, 30), 2026, 1);
        int Try(Campaign c, CurrentUser u) => Status(AddPeriodEndpoint.Decide(c, add, u, Tree, Guid.NewGuid(), Now).Item1);
        Assert.Equal(403, Try(provincial, User((Roles.BoardSecretary, P1Board))));
        Assert.Equal(403, Try(provincial, User((Roles.BoardSecretary, CityBoard))));
        Assert.Equal(200, Try(provincial, User((Roles.BoardSecretary, CmBoard))));
        Assert.Equal(200, Try(provincial, User((Roles.Admin, null))));
        Assert.Equal(200, Try(city, User((Roles.BoardSecretary, CityBoard))));
        Assert.Equal(403, Try(city, User((Roles.BoardSecretary, CmBoard))));
        Assert.Equal(403, Status(ChangeRegistrationWindowEndpoint.Decide(provincial with { Periods = [new Period(Guid.Empty, "x", PeriodKind.Year,
            new(2026, 1, 1), new(2026, 12, 31), new(2026, 1, 1), new(2026, 6, 30), 2026)] }, Guid.Empty, new ChangeRegistrationWindow(new(2026, 1, 1),
            new(2026, 2, 1), 1), User((Roles.BoardSecretary, P1Board)), Tree, Now).Item1));
    }

    [Fact]
    public void A_period_lies_inside_its_campaigns_years_with_a_sane_code_year()
    {
        var campaign = Campaign.Create(new CampaignCreated(Guid.NewGuid(), "Dân vận khéo", 2025, 2030, Guid.Empty, Now));
        var admin = User((Roles.Admin, null));
        var (result, events) = AddPeriodEndpoint.Decide(campaign,
            new AddPeriod("Năm 2031", PeriodKind.Year, new(2031, 1, 1), new(2031, 12, 31), new(2031, 1, 1), new(2031, 6, 30), -5, 1), admin, Tree, Guid.NewGuid(), Now);
        var errors = Errors(result);
        Assert.Empty(events);
        Assert.Equal(["from", "to", "codeYear"], errors.Keys.Where(k => k is "from" or "to" or "codeYear").ToArray());
        Assert.Equal(400, Status(CreateCampaignEndpoint.Decide(new CreateCampaign("Đợt mới", null, null), admin, Tree, Guid.NewGuid(), Now).Item1));
        Assert.Equal(["Vui lòng nhập năm bắt đầu."],
            Errors(CreateCampaignEndpoint.Decide(new CreateCampaign("Đợt mới", null, 2026), admin, Tree, Guid.NewGuid(), Now).Item1)["startYear"]);
    }

    [Fact]
    public void Each_catalog_change_is_an_event_on_the_version_seen()
    {
        var catalog = RegistryCatalog.Create(new CatalogStarted(RegistryCatalog.Default().Fields, RegistryCatalog.Default().Levels, Guid.Empty, Now));
        var fields = catalog.Fields.Select(f => f.Code == "kinh-te" ? f with { Name = "Kinh tế - tập thể", Active = false } : f)
            .Append(new CatalogEntry("moi", "Lĩnh vực mới")).ToList();
        var (ok, events) = UpdateCatalogEndpoint.Decide(catalog, new UpdateCatalog(fields, catalog.Levels, 1), Guid.Empty, Now);
        Assert.Equal(200, Status(ok));
        Assert.Equal([typeof(CatalogEntryRenamed), typeof(CatalogEntryDeactivated), typeof(CatalogEntryAdded)], events.Select(e => e.GetType()).ToArray());
        Assert.Equal(409, Status(UpdateCatalogEndpoint.Decide(catalog, new UpdateCatalog(fields, catalog.Levels, 0), Guid.Empty, Now).Item1));
        var (removed, nothing) = UpdateCatalogEndpoint.Decide(catalog, new UpdateCatalog(fields.Skip(1).ToList(), catalog.Levels, 1), Guid.Empty, Now);
        Assert.Equal(400, Status(removed));
        Assert.Empty(nothing);
        var (_, first) = UpdateCatalogEndpoint.Decide(null, new UpdateCatalog(fields, catalog.Levels, 0), Guid.Empty, Now);
        Assert.IsType<CatalogStarted>(first[0]);
    }

    /// <summary>One clock (VietnamClock): at 23:30 UTC on the last day of the window it is 06:30 the next morning in
    /// Vietnam, so the window has closed; the same dossier half an hour earlier in Vietnam's evening is still on time.</summary>
    [Fact]
    public void The_registration_window_closes_on_Vietnams_calendar_not_the_servers()
    {
        var context = Context(User((Roles.Officer, P1)));
        var lateInUtc = new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.Zero);
        var (closed, none) = SubmitModelEndpoint.Decide(Draft(P1), context, [], lateInUtc);
        Assert.Equal(400, Status(closed));
        Assert.Empty(none);
        Assert.Contains("periodId", Errors(closed).Keys);
        var (open, _) = SubmitModelEndpoint.Decide(Draft(P1), context, [], new DateTimeOffset(2026, 12, 31, 16, 59, 0, TimeSpan.Zero));
        Assert.Equal(200, Status(open));
    }

    [Fact]
    public void A_notice_asks_for_its_email_only_when_email_is_configured()
    {
        var notice = Notices.Submitted(Draft(P1), new ModelSubmitted(Guid.Empty, P1Board.Id, [], Guid.Empty, Now), Tree);
        var on = new Emulation.Registry.Reminders.ReminderOptions { Email = new Emulation.Kernel.Mail.MailOptions { Enabled = true } };
        Assert.Equal(notice.Id, Assert.Single(Notices.Emails(notice, on)).ReminderId);
        Assert.Empty(Notices.Emails(notice, new Emulation.Registry.Reminders.ReminderOptions()));
    }
}
