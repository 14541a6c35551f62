using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Emulation.Registry.Models;
using Marten;

namespace Emulation.Benchmarks;

/// <summary>What users do at once: units registering (draft → submit, with its near-duplicate check → the board accepts and a
/// code is minted), people searching the register, and the search model following behind.</summary>
public sealed class Workload(Client officer, Client secretary, Client reader, Client admin, IDocumentStore store, Guid period)
{
    public Samples Path { get; } = new();
    public Samples Draft { get; } = new();
    public Samples Submit { get; } = new();
    public Samples Accept { get; } = new();
    public Samples Search { get; } = new();
    public Samples Lag { get; } = new();
    /// <summary><c>GET /api/auth/me</c> one at a time, ten a second, during the run: what the least request waits for a core.</summary>
    public Samples Floor { get; } = new();
    public ConcurrentDictionary<string, int> Errors { get; } = new();
    public int Completed;
    public int Searches;
    public double Seconds;
    static int _counter;

    public object Dossier(string name) => Dossier(period, name);

    /// <summary>A complete dossier in <paramref name="period"/>, as the registration form sends it.</summary>
    public static object Dossier(Guid period, string name)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        return new
        {
            kind = "Model", name, periodId = period, fieldCode = "kinh-te", levelCode = "co-so",
            situation = "Thu nhập hộ còn thấp", objectives = "Nâng thu nhập", contentAndMethods = "Họp dân, tập huấn", area = "Phường 1", targetGroup = "Hộ dân",
            startDate = today.AddDays(10), evaluationDate = today.AddMonths(5),
            targets = new[] { new { indicator = "Thu nhập bình quân hộ", unitOfMeasure = "triệu đồng/năm", baseline = 60, targetValue = 100, dueDate = today.AddMonths(5) } }
        };
    }

    /// <summary>One registration from draft to code; false (and the failing step counted) when a step is refused.</summary>
    public async Task<bool> RegisterOne(ConcurrentQueue<(Guid Id, long At)>? accepted = null)
    {
        var n = Interlocked.Increment(ref _counter);
        var started = Stopwatch.GetTimestamp();
        var draft = await officer.Post("/api/registry/models", Dossier($"Mô hình đo hiệu năng {n} khóm {n % 97}"));
        if (!Step("draft", draft.Status, HttpStatusCode.Created, HttpStatusCode.OK)) return false;
        Draft.Add(draft.Ms);
        var id = draft.Body.GetProperty("id").GetGuid();
        var submit = await officer.Post($"/api/registry/models/{id}/submit", new { version = 1 });
        if (!Step("submit", submit.Status, HttpStatusCode.OK)) return false;
        Submit.Add(submit.Ms);
        var accept = await secretary.Post($"/api/registry/models/{id}/accept", new { version = 2 });
        if (!Step("accept", accept.Status, HttpStatusCode.OK)) return false;
        Accept.Add(accept.Ms);
        accepted?.Enqueue((id, Stopwatch.GetTimestamp()));
        Path.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return true;
    }

    bool Step(string step, HttpStatusCode status, params HttpStatusCode[] expected)
    {
        if (expected.Contains(status)) return true;
        Errors.AddOrUpdate($"{step} {(int)status}", 1, (_, c) => c + 1);
        return false;
    }

    public static readonly string[] Queries =
    [
        "q=dua%20mau%20xuong", "q=dan%20van%20kheo&sort=name", "status=Accepted&level=co-so", "status=Submitted&sort=submitted",
        "field=kinh-te&kind=Model&sort=code", "q=tiet%20kiem&status=Accepted", "q=cm-2024-00", "level=tinh&page=50", "q=anh%20sang%20an%20ninh"
    ];

    public async Task RunAsync(int clients, int readers, int seconds)
    {
        var accepted = new ConcurrentQueue<(Guid Id, long At)>();
        var until = DateTime.UtcNow.AddSeconds(seconds);
        var writing = true;
        var lag = Task.Run(async () =>
        {
            var pending = new Dictionary<Guid, long>();
            var deadline = DateTime.MaxValue;
            while (true)
            {
                while (accepted.TryDequeue(out var a)) pending[a.Id] = a.At;
                if (pending.Count > 0)
                {
                    await using var session = store.QuerySession();
                    var ids = pending.Keys.ToArray();
                    var seen = await session.Query<ModelSummary>().Where(s => s.Id.IsOneOf(ids) && s.Status == ModelStatus.Accepted).Select(s => s.Id).ToListAsync();
                    var now = Stopwatch.GetTimestamp();
                    foreach (var id in seen) { Lag.Add(Stopwatch.GetElapsedTime(pending[id], now).TotalMilliseconds); pending.Remove(id); }
                }
                if (!writing && deadline == DateTime.MaxValue) deadline = DateTime.UtcNow.AddSeconds(30);
                if (!writing && (pending.Count == 0 && accepted.IsEmpty || DateTime.UtcNow > deadline)) { foreach (var _ in pending) Lag.Add(30_000); break; }
                await Task.Delay(20);
            }
        });
        var clock = Stopwatch.StartNew();
        var writers = Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            while (DateTime.UtcNow < until)
                if (await RegisterOne(accepted)) Interlocked.Increment(ref Completed);
        })).ToList();
        var searchers = Enumerable.Range(0, readers).Select(r => Task.Run(async () =>
        {
            var i = r;
            while (DateTime.UtcNow < until)
            {
                var who = i % 2 == 0 ? admin : reader;
                var (status, _, ms) = await who.Get("/api/registry/models?" + Queries[i++ % Queries.Length]);
                if (status == HttpStatusCode.OK) { Search.Add(ms); Interlocked.Increment(ref Searches); }
                else Errors.AddOrUpdate($"search {(int)status}", 1, (_, c) => c + 1);
            }
        })).ToList();
        var floor = Task.Run(async () =>
        {
            while (DateTime.UtcNow < until)
            {
                var (status, _, ms) = await reader.Get("/api/auth/me");
                if (status == HttpStatusCode.OK) Floor.Add(ms);
                await Task.Delay(100);
            }
        });
        await Task.WhenAll(writers.Concat(searchers).Append(floor));
        Seconds = clock.Elapsed.TotalSeconds;
        writing = false;
        await lag;
    }
}
