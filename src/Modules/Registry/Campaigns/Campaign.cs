namespace Emulation.Registry.Campaigns;

public enum PeriodKind { Year, Preliminary, Final }

public sealed record Period(Guid Id, string Name, PeriodKind Kind, DateOnly From, DateOnly To,
    DateOnly RegistrationOpens, DateOnly RegistrationCloses, int CodeYear)
{
    public static string KindName(PeriodKind kind) => kind switch
    {
        PeriodKind.Year => "Năm",
        PeriodKind.Preliminary => "Sơ kết",
        PeriodKind.Final => "Tổng kết",
        _ => kind.ToString()
    };
}

/// <param name="BoardId">The board that runs the campaign; none for a provincial campaign run by the administrators.</param>
public sealed record CampaignCreated(Guid CampaignId, string Name, int StartYear, int EndYear, Guid By, DateTimeOffset At, Guid? BoardId = null);
public sealed record PeriodAdded(Guid CampaignId, Period Period, Guid By, DateTimeOffset At);
public sealed record RegistrationWindowChanged(Guid CampaignId, Guid PeriodId, DateOnly Opens, DateOnly Closes, Guid By, DateTimeOffset At);

/// <summary>A campaign ("Dân vận khéo 2020-2025") and its periods (a year, a sơ kết, a tổng kết), each with a registration window.</summary>
public sealed partial record Campaign(Guid Id, string Name, int StartYear, int EndYear, IReadOnlyList<Period> Periods, long Version, Guid? BoardId = null)
{
    public static Campaign Create(CampaignCreated e) => new(e.CampaignId, e.Name, e.StartYear, e.EndYear, [], 1, e.BoardId);

    public Campaign Apply(PeriodAdded e) => this with { Periods = [.. Periods, e.Period] };

    public Campaign Apply(RegistrationWindowChanged e) => this with
    {
        Periods = Periods.Select(p => p.Id == e.PeriodId ? p with { RegistrationOpens = e.Opens, RegistrationCloses = e.Closes } : p).ToList()
    };
}
