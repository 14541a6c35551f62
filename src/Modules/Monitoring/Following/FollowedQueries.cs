using Emulation.Kernel;
using Emulation.Kernel.Text;
using Emulation.Kernel.Web;
using Emulation.Monitoring.Summary;
using Emulation.Monitoring.Units;
using JasperFx.Events;
using Marten;
using Marten.Linq.MatchesSql;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;

namespace Emulation.Monitoring.Following;

public static class FollowedQueries
{
    /// <summary>The model as it stood at the end of <paramref name="day"/> (Vietnam time): <paramref name="events"/> (the
    /// whole stream) folded up to the last event that happened by then, by the events' own <c>At</c> (reports and marks
    /// may be recorded after the fact, e.g. imported history), so the answer depends on the stream alone. Null if it was
    /// not followed yet.</summary>
    public static async Task<FollowedModel?> AsOfAsync(IQuerySession session, IReadOnlyList<IEvent> events, DateOnly day, CancellationToken ct)
    {
        var end = new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), VietnamClock.Offset);
        var last = events.LastOrDefault(e => (e.Data is IFollowedEvent f ? f.At : e.Timestamp) < end);
        if (last is null) return null;
        var aggregator = ((StoreOptions)session.DocumentStore.Options).Projections.AggregatorFor<FollowedModel>();
        var model = await aggregator.BuildAsync(events.Where(e => e.Version <= last.Version).ToList(), session, null, ct);
        return model is null ? null : model with { Version = last.Version };
    }

    /// <summary>The people named on the stored model's reports, by a subquery on the stored document (so in the same batch).</summary>
    const string Reporters =
        $"id in (select (r ->> 'By')::uuid from {MonitoringModule.Schema}.mt_doc_followedmodel f, jsonb_array_elements(f.data -> 'Reports') r where f.id = ?)";

    /// <summary>The model as it stands today. One the unit has just seen accepted reaches Monitoring through the Registry's
    /// feed a moment later (ADR 0070): before it is called missing, the feed is waited for and the model read again.</summary>
    public static async Task<FollowedView?> TodayAsync(Guid modelId, IQuerySession session, MonitoringAccess access,
        IEnumerable<IOverdueActions> actions, TimeProvider clock, HttpContext ctx)
    {
        var (view, _) = await ViewAsync(modelId, null, session, access, actions, clock, ctx.RequestAborted);
        if (view is null && await FollowedSteps.AcceptedMeanwhileAsync(ctx))
            (view, _) = await ViewAsync(modelId, null, session, access, actions, clock, ctx.RequestAborted);
        return view;
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
        // Everything the page shows in one round trip (docs/performance.md, "time travel"): the stored state, or for a past
        // day the stream to fold; the overdue follow-up actions; the names of those who reported.
        var id = FollowedModel.StreamFor(modelId);
        var batch = session.CreateBatchQuery();
        var stored = day == today ? batch.Load<FollowedModel>(id) : null;
        var events = day == today ? null : batch.Events.FetchStream(id);
        var overdue = actions.Select(a => a.Count(batch, modelId, day)).ToList();
        var reporters = batch.Query<MonitoringPerson>().Where(p => p.MatchesSql(Reporters, id)).ToList();
        await batch.Execute(ct);
        var model = stored is not null ? await stored : await AsOfAsync(session, await events!, day, ct);
        if (model is null || !access.CanSee(model)) return (null, null);
        var people = (await reporters).ToDictionary(p => p.Id, p => p.FullName);
        // A past day can name a draft since discarded from the stored state: its author is read on its own.
        var missing = model.Reports.Select(r => r.By).Where(by => !people.ContainsKey(by)).Distinct().ToArray();
        if (missing.Length > 0)
            foreach (var p in await session.LoadManyAsync<MonitoringPerson>(ct, missing)) people[p.Id] = p.FullName;
        var overdueActions = 0;
        foreach (var count in overdue) overdueActions += (int)await count;
        return (FollowedView.Of(model, day, day == today, access, overdueActions, people), null);
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
        var access = await MonitoringAccess.ForAsync(ctx, units);
        var (view, error) = string.IsNullOrWhiteSpace(on)
            ? (await FollowedQueries.TodayAsync(id, session, access, actions, clock, ctx), null)
            : await FollowedQueries.ViewAsync(id, on, session, access, actions, clock, ctx.RequestAborted);
        if (error is not null) return Problems.Validation("on", error);
        return view is null ? Problems.NotFound(string.IsNullOrWhiteSpace(on) ? FollowedSteps.NotFound : "Ngày đó mô hình chưa được theo dõi.") : Results.Ok(view);
    }
}
