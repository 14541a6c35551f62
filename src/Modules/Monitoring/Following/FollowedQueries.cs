using Emulation.Kernel;
using Emulation.Kernel.Text;
using Emulation.Kernel.Web;
using Emulation.Monitoring.Summary;
using Emulation.Monitoring.Units;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;

namespace Emulation.Monitoring.Following;

public static class FollowedQueries
{
    /// <summary>The model as it stood at the end of <paramref name="day"/> (Vietnam time): the stream folded up to the last
    /// event that happened by then, by the events' own <c>At</c> (reports and marks may be recorded after the fact,
    /// e.g. imported history), so the answer depends on the stream alone. Null if it was not followed yet.</summary>
    public static async Task<FollowedModel?> AsOfAsync(IQuerySession session, Guid modelId, DateOnly day, CancellationToken ct)
    {
        var id = FollowedModel.StreamFor(modelId);
        var end = new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), VietnamClock.Offset);
        var events = await session.Events.FetchStreamAsync(id, token: ct);
        var last = events.LastOrDefault(e => (e.Data is IFollowedEvent f ? f.At : e.Timestamp) < end);
        return last is null ? null : await session.Events.AggregateStreamAsync<FollowedModel>(id, last.Version, token: ct);
    }

    public static async Task<(FollowedView? View, string? Error)> ViewAsync(Guid modelId, string? on, IQuerySession session, MonitoringAccess access,
        IEnumerable<IOverdueActions> actions, TimeProvider clock, CancellationToken ct)
    {
        var today = clock.VietnamToday();
        var day = today;
        if (!string.IsNullOrWhiteSpace(on))
        {
            var (parsed, error) = VietnameseDate.Parse(on);
            if (parsed is null) return (null, error ?? VietnameseDate.Format);
            if (parsed > today) return (null, $"Ngày xem không được sau hôm nay ({Format.Date(today)}).");
            day = parsed.Value;
        }
        var model = day == today
            ? await session.LoadAsync<FollowedModel>(FollowedModel.StreamFor(modelId), ct)
            : await AsOfAsync(session, modelId, day, ct);
        if (model is null || !access.CanSee(model)) return (null, null);
        var overdue = 0;
        foreach (var source in actions) overdue += (await source.CountAsync(session, [modelId], day, ct)).GetValueOrDefault(modelId);
        var ids = model.Reports.Select(r => r.By).Distinct().ToArray();
        var people = (await session.LoadManyAsync<MonitoringPerson>(ct, ids)).ToDictionary(p => p.Id, p => p.FullName);
        return (FollowedView.Of(model, day, day == today, access, overdue, people), null);
    }
}

/// <summary>A followed model with its health, reports and the steps the caller may take; <c>?on=31/12/2026</c>
/// shows it as it stood that day.</summary>
public static class GetFollowedModelEndpoint
{
    [WolverineGet("/api/monitoring/models/{id}"), Authorize(Policy = Kernel.Security.Policies.SignedIn)]
    [Microsoft.AspNetCore.Mvc.ProducesResponseType<FollowedView>(Microsoft.AspNetCore.Http.StatusCodes.Status200OK)]
    public static async Task<IResult> Get(Guid id, string? on, IQuerySession session, MonitoringUnits units, IEnumerable<IOverdueActions> actions,
        HttpContext ctx, TimeProvider clock)
    {
        var (view, error) = await FollowedQueries.ViewAsync(id, on, session, await MonitoringAccess.ForAsync(ctx, units), actions, clock, ctx.RequestAborted);
        if (error is not null) return Problems.Validation("on", error);
        return view is null ? Problems.NotFound(string.IsNullOrWhiteSpace(on) ? FollowedSteps.NotFound : "Ngày đó mô hình chưa được theo dõi.") : Results.Ok(view);
    }
}
