using Microsoft.AspNetCore.Http;

namespace Emulation.Monitoring.Dashboards;

/// <summary>The monitoring list's filter, read from and written to the address, so every figure on a dashboard is a
/// link to the list that makes it up. <see cref="Reports"/> "none" keeps the models no one has reported on,
/// "late" those whose report is overdue (whatever their health says first); <see cref="Month"/> ("2026-11") those that
/// sent a progress report that month (a bar of the reports-per-month chart).</summary>
public sealed record MonitoringFilter(string? Health, string? Field, Guid? District, Guid? Commune, string? State, string? Q, string? Reports,
    int Page = 1, int PageSize = 20, string? Month = null)
{
    /// <summary>"2026-11", a month of a real year; anything else is not a month.</summary>
    public static bool IsMonth(string? value) =>
        value is { Length: 7 } && DateOnly.TryParseExact(value + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out _);

    /// <summary>"11/2026".</summary>
    public static string MonthWords(string month) => $"{month[5..]}/{month[..4]}";

    public static MonitoringFilter From(HttpRequest request)
    {
        var q = request.Query;
        string? S(string key) => string.IsNullOrWhiteSpace(q[key]) ? null : q[key].ToString().Trim() is { Length: <= 200 } v ? v : null;
        Guid? G(string key) => Guid.TryParse(q[key], out var g) ? g : null;
        var page = int.TryParse(q["page"], out var p) ? Math.Clamp(p, 1, 100_000) : 1;
        return new MonitoringFilter(S("health"), S("field"), G("district"), G("commune"), S("state"), S("q"), S("reports"), page,
            Month: S("month") is { } m && IsMonth(m) ? m : null);
    }

    public string Query(int? page = null, string? format = null)
    {
        var parts = new List<string>();
        void Add(string key, object? value) { if (value is not null) parts.Add($"{key}={Uri.EscapeDataString(value.ToString()!)}"); }
        Add("health", Health); Add("field", Field); Add("district", District); Add("commune", Commune); Add("state", State);
        Add("q", Q); Add("reports", Reports); Add("month", Month); Add("page", page is > 1 ? page : null); Add("format", format);
        return string.Join("&", parts);
    }

    public string ListHref => "/theo-doi/danh-sach" + (Query() is { Length: > 0 } s ? "?" + s : "");
}
