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

public sealed record CampaignCreated(Guid CampaignId, string Name, int StartYear, int EndYear, Guid By, DateTimeOffset At);
public sealed record PeriodAdded(Guid CampaignId, Period Period, Guid By, DateTimeOffset At);
public sealed record RegistrationWindowChanged(Guid CampaignId, Guid PeriodId, DateOnly Opens, DateOnly Closes, Guid By, DateTimeOffset At);

/// <summary>A campaign ("Dân vận khéo 2020-2025") and its periods (a year, a sơ kết, a tổng kết), each with a registration window.</summary>
public sealed partial record Campaign(Guid Id, string Name, int StartYear, int EndYear, IReadOnlyList<Period> Periods, long Version)
{
    public static Campaign Create(CampaignCreated e) => new(e.CampaignId, e.Name, e.StartYear, e.EndYear, [], 1);

    public Campaign Apply(PeriodAdded e) => this with { Periods = [.. Periods, e.Period] };

    public Campaign Apply(RegistrationWindowChanged e) => this with
    {
        Periods = Periods.Select(p => p.Id == e.PeriodId ? p with { RegistrationOpens = e.Opens, RegistrationCloses = e.Closes } : p).ToList()
    };
}
