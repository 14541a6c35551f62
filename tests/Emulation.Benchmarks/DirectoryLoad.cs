using System.Text.Json;

namespace Emulation.Benchmarks;

/// <summary>Brings the Directory up to a province's size (about 1,300 units and 1,300 people) through its API.</summary>
public static class DirectoryLoad
{
    public static async Task<(int Units, int People)> FillAsync(Client admin, int target, int clients)
    {
        var units = (await admin.Ok(HttpMethod.Get, "/api/directory/units")).EnumerateArray().ToList();
        var districts = units.Where(u => u.GetProperty("kind").GetString() is "District" or "district").Select(u => u.GetProperty("id").GetGuid()).ToList();
        var communes = units.Where(u => u.GetProperty("kind").GetString() is "Commune" or "commune").Select(u => u.GetProperty("id").GetGuid()).ToList();
        var newUnits = Math.Max(0, target - units.Count);
        var created = new System.Collections.Concurrent.ConcurrentBag<Guid>();
        await Parallel(newUnits, clients, async i =>
        {
            var body = await admin.Ok(HttpMethod.Post, "/api/directory/units",
                new { code = $"BX-{i:00000}", name = $"Xã đo hiệu năng {i}", kind = "Commune", parentId = districts[i % districts.Count] });
            created.Add(body.GetProperty("id").GetGuid());
        });

        var people = (await admin.Ok(HttpMethod.Get, "/api/directory/people?pageSize=1")).ValueKind == JsonValueKind.Object
            ? (int)(await admin.Ok(HttpMethod.Get, "/api/directory/people?pageSize=1")).GetProperty("total").GetInt64()
            : (await admin.Ok(HttpMethod.Get, "/api/directory/people")).GetArrayLength();
        var roleUnits = communes.Concat(created).ToList();
        await Parallel(Math.Max(0, target - people), clients, async i => await admin.Ok(HttpMethod.Post, "/api/directory/people", new
        {
            userName = $"bench.canbo{i:00000}", fullName = $"Nguyễn Văn Đo {i}", position = "Cán bộ", email = (string?)null,
            password = "DoHieuNang2026", roles = new[] { new { role = "officer", unitId = (Guid?)roleUnits[i % roleUnits.Count] } }
        }));
        return (units.Count + newUnits, Math.Max(people, target));
    }

    static Task Parallel(int count, int clients, Func<int, Task> work)
    {
        var next = -1;
        return Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count) await work(i);
        }));
    }
}
