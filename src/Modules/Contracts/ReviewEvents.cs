namespace Emulation.Contracts;

/// <summary>A review round's proposal list after a change to the round or to its board's decisions, relayed from Review's
/// event store in sequence order (ADR 0011, ADR 0028). <paramref name="Version"/> only grows: it is the round stream's
/// version plus the decisions stream's, each of which only grows. <paramref name="Published"/> is true once the round is
/// closed (results published); only then may a decision be drafted from it. <paramref name="Kind"/> is <c>yearly</c>,
/// <c>midterm</c> (sơ kết) or <c>final</c> (tổng kết).</summary>
public sealed record RoundProposalsUpdated(
    Guid RoundId, string Name, string Kind, Guid CampaignId, string CampaignName, Guid PeriodId, Guid BoardId, bool Published,
    DateTimeOffset? PublishedAt, IReadOnlyList<ProposedRecipient> Proposals, long Version, DateTimeOffset At,
    IReadOnlyList<ModelOutcome>? Outcomes = null);

/// <summary>The board's decision on one model of the round: <paramref name="Outcome"/> is one of <see cref="OutcomeCodes"/>;
/// <paramref name="Level"/> the level of commendation proposed, if any.</summary>
public sealed record ModelOutcome(Guid ModelId, string Outcome, string? Level, DateTimeOffset DecidedAt);

public static class OutcomeCodes
{
    public const string NotRecognised = "not-recognised";
    public const string Recognised = "recognised";
    public const string Outstanding = "outstanding";
    public const string Proposed = "proposed";

    /// <summary>Recognised as effective: recognised, outstanding, or outstanding and proposed for commendation.</summary>
    public static bool IsRecognised(string outcome) => outcome is Recognised or Outstanding or Proposed;

    /// <summary>Outstanding (tiêu biểu): outstanding, or proposed for commendation (which only an outstanding model is).</summary>
    public static bool IsOutstanding(string outcome) => outcome is Outstanding or Proposed;
}

/// <summary>One model or exemplar the board proposed for a form of commendation.</summary>
/// <param name="RecipientKind"><see cref="RecipientKinds.Collective"/> or <see cref="RecipientKinds.Individual"/>: an individual
/// exemplar is a person; a model or a collective exemplar is commended through its unit.</param>
/// <param name="Name">Who is commended: the person's name, or the collective's (the unit's) name.</param>
/// <param name="Position">An individual's position as registered (may be absent).</param>
/// <param name="Level">One of <see cref="CommendationLevels"/>.</param>
/// <param name="Achievement">The achievement summary the proposal carries (the board's note, or the model's standing).</param>
public sealed record ProposedRecipient(
    Guid ModelId, string? RegistryCode, string ModelName, string RecipientKind, string Name, string? Position, Guid UnitId, string UnitName,
    string Level, string Achievement, DateTimeOffset DecidedAt);

public static class RecipientKinds
{
    public const string Collective = "collective";
    public const string Individual = "individual";

    public static readonly IReadOnlyList<string> All = [Collective, Individual];

    public static string Label(string kind) => kind == Individual ? "Cá nhân" : "Tập thể";
}
