using Emulation.Awards.Reports;
using Emulation.Contracts;

namespace Emulation.UnitTests.AwardReports;

public sealed class ReportFiguresTests
{
    static readonly Guid Unit = Guid.NewGuid();

    static DateTimeOffset On(int y, int m, int d, int hour = 10) => new(y, m, d, hour, 0, 0, TimeSpan.FromHours(7));

    static ReportRow Row(string level, DateTimeOffset? submitted, DateTimeOffset? accepted, string kind = ModelKindCodes.Model,
        string field = "kinh-te", Guid? replicates = null, Guid? id = null) =>
        new(id ?? Guid.NewGuid(), "M-" + Guid.NewGuid().ToString()[..4], "Mô hình", kind, accepted is null ? "submitted" : "accepted", Unit, level, field,
            submitted, accepted, replicates);

    [Fact]
    public void A_model_counts_from_the_day_it_was_sent_and_accepted_in_Vietnam_not_before()
    {
        var rows = new[]
        {
            Row("co-so", On(2021, 3, 1), On(2021, 3, 15)),
            Row("tinh", On(2021, 12, 20), On(2022, 1, 1, 0)), // 00:00 on 1 January in Vietnam is still 31 December in UTC
            Row("huyen", On(2022, 5, 1), null),
            Row("co-so", null, null)
        };
        var end2021 = ReportFigures.Compute(rows, [], [], new DateOnly(2021, 12, 31));
        Assert.Equal(2, end2021.Registered);
        Assert.Equal(1, end2021.Accepted);
        Assert.Equal(0, end2021.AcceptedAt("tinh"));
        var end2022 = ReportFigures.Compute(rows, [], [], new DateOnly(2022, 12, 31));
        Assert.Equal(3, end2022.Registered);
        Assert.Equal(2, end2022.Accepted);
        Assert.Equal(1, end2022.AcceptedBelowProvince);
        Assert.Equal(1, end2022.AcceptedAt("tinh"));
    }

    [Fact]
    public void Kinds_fields_and_replications_are_counted_among_accepted_models_only()
    {
        var original = Row("co-so", On(2020, 5, 1), On(2020, 5, 10), id: Guid.NewGuid());
        var rows = new[]
        {
            original,
            Row("co-so", On(2021, 1, 1), On(2021, 1, 5), ModelKindCodes.CollectiveExemplar, "van-hoa-xa-hoi", original.Id),
            Row("co-so", On(2021, 1, 1), On(2021, 1, 6), ModelKindCodes.IndividualExemplar, "van-hoa-xa-hoi", original.Id),
            Row("co-so", On(2021, 2, 1), null, replicates: original.Id)
        };
        var t = ReportFigures.Compute(rows, [], [], new DateOnly(2023, 12, 31));
        var grassroots = t.ByLevel.Single(l => l.LevelCode == "co-so");
        Assert.Equal((4, 3, 1, 1, 1), (grassroots.Registered, grassroots.Accepted, grassroots.Models, grassroots.CollectiveExemplars, grassroots.IndividualExemplars));
        Assert.Equal(["van-hoa-xa-hoi", "kinh-te"], t.ByField.Select(f => f.FieldCode));
        Assert.Equal(2, t.Replications);
        Assert.Equal(1, t.ReplicatedOriginals);
        Assert.Equal(2, Assert.Single(t.MostReplicated).Replications);
    }

    [Fact]
    public void The_latest_published_outcome_stands_and_a_revoked_commendation_stops_counting_from_its_revocation()
    {
        var a = Row("tinh", On(2021, 1, 1), On(2021, 2, 1));
        var b = Row("tinh", On(2021, 1, 1), On(2021, 2, 1));
        var outcomes = new[]
        {
            new OutcomeRow(a.Id, OutcomeCodes.Recognised, new DateOnly(2022, 1, 10)),
            new OutcomeRow(a.Id, OutcomeCodes.Proposed, new DateOnly(2023, 11, 1)),
            new OutcomeRow(b.Id, OutcomeCodes.Outstanding, new DateOnly(2022, 1, 10)),
            new OutcomeRow(b.Id, OutcomeCodes.NotRecognised, new DateOnly(2023, 11, 1))
        };
        var commendations = new[]
        {
            new CommendationRow(a.Id, RecipientKinds.Collective, "Bằng khen của Chủ tịch UBND tỉnh", new DateOnly(2023, 12, 1), null),
            new CommendationRow(null, RecipientKinds.Individual, "Bằng khen của Chủ tịch UBND tỉnh", new DateOnly(2023, 12, 1), new DateOnly(2024, 2, 1)),
            new CommendationRow(null, RecipientKinds.Individual, "Giấy khen", new DateOnly(2024, 3, 1), null)
        };
        var end2022 = ReportFigures.Compute([a, b], outcomes, commendations, new DateOnly(2022, 12, 31));
        Assert.Equal((2, 1, 0), (end2022.Recognised, end2022.Outstanding, end2022.CommendedCollectives + end2022.CommendedIndividuals));
        Assert.Equal(b.Id, Assert.Single(end2022.OutstandingModels).Id);

        var end2023 = ReportFigures.Compute([a, b], outcomes, commendations, new DateOnly(2023, 12, 31));
        Assert.Equal((1, 1, 1, 1, 1), (end2023.Recognised, end2023.Outstanding, end2023.CommendedModels, end2023.CommendedCollectives, end2023.CommendedIndividuals));
        Assert.True(Assert.Single(end2023.OutstandingModels).Commended);

        var mid2024 = ReportFigures.Compute([a, b], outcomes, commendations, new DateOnly(2024, 6, 30));
        Assert.Equal((1, 1), (mid2024.CommendedCollectives, mid2024.CommendedIndividuals));
        Assert.Equal(["Bằng khen của Chủ tịch UBND tỉnh", "Giấy khen"], mid2024.ByForm.Select(f => f.Form));
    }
}
