using System.Diagnostics;
using Emulation.Review.Assignment;
using Emulation.Scope;

namespace Emulation.Benchmarks;

/// <summary>./build.sh bench --review: automatic assignment of 5,000 models × 3 reviewers among 60, in a province-shaped
/// unit tree (a province, 20 districts, 400 communes) where each reviewer also holds a role in a district or a commune,
/// so conflicts come from the tree the way they do in a round. The figure includes the conflict questions.</summary>
public static class ReviewBench
{
    sealed class BenchUnit : UnitCopy;

    public static Task RunAsync(string[] args)
    {
        var report = BenchHost.Report("Review benchmark", args, "5,000 models × 3 reviewers among 60, conflicts from a 421-unit tree");
        var random = new Random(8);
        var province = new BenchUnit { Id = Guid.NewGuid(), Kind = "province", Active = true };
        var districts = Enumerable.Range(0, 20).Select(_ => new BenchUnit { Id = Guid.NewGuid(), Kind = "district", ParentId = province.Id, Active = true }).ToList();
        var communes = Enumerable.Range(0, 400).Select(i => new BenchUnit { Id = Guid.NewGuid(), Kind = "commune", ParentId = districts[i % 20].Id, Active = true }).ToList();
        var tree = new UnitTree<BenchUnit>([province, .. districts, .. communes]);
        string[] fields = ["kinh-te", "van-hoa-xa-hoi", "quoc-phong-an-ninh", "xay-dung-he-thong-chinh-tri"];
        var reviewers = Enumerable.Range(0, 60).Select(i => new AssignReviewer(Guid.NewGuid(), new HashSet<string> { fields[i % 4] }, 0)).ToList();
        var ties = reviewers.Select((r, i) => new ReviewerTies(r.Id, [i % 3 == 0 ? districts[random.Next(20)].Id : communes[random.Next(400)].Id])).ToList();
        var models = Enumerable.Range(0, 5000).Select(i => (Slot: new AssignSlot(Guid.NewGuid(), fields[random.Next(4)], []), Unit: communes[random.Next(400)].Id)).ToList();
        var unitOf = models.ToDictionary(m => m.Slot.ModelId, m => m.Unit);
        var declared = models.Take(200).Select((m, i) => (reviewers[i % 60].Id, m.Slot.ModelId)).ToList();

        var times = new Samples();
        AssignPlan plan = null!;
        Conflicts<BenchUnit> conflicts = null!;
        for (var run = 0; run < 6; run++)
        {
            var watch = Stopwatch.StartNew();
            conflicts = new Conflicts<BenchUnit>(tree, ties, declared);
            plan = AutoAssign.Plan(models.Select(m => m.Slot).ToList(), reviewers, 3, (r, m) => conflicts.Between(r, m, unitOf[m]));
            if (run > 0) times.Add(watch.Elapsed.TotalMilliseconds);
        }
        if (plan.Refused) throw new InvalidOperationException(plan.Refusal);
        var loads = plan.Pairs.GroupBy(p => p.ReviewerId).Select(g => g.Count()).ToList();
        var conflicted = plan.Pairs.Count(p => conflicts.Between(p.ReviewerId, p.ModelId, unitOf[p.ModelId]));
        var complete = plan.Pairs.GroupBy(p => p.ModelId).All(g => g.Count() == 3 && g.Select(p => p.ReviewerId).Distinct().Count() == 3) && plan.Pairs.Count == 15_000;
        var experts = plan.Pairs.Count(p => reviewers.First(r => r.Id == p.ReviewerId).Fields.Contains(models.First(m => m.Slot.ModelId == p.ModelId).Slot.Field));
        var banned = models.Sum(m => reviewers.Count(r => conflicts.Between(r.Id, m.Slot.ModelId, m.Unit)));
        report.Row($"automatic assignment, 5,000 models × 3 among 60 reviewers ({banned:N0} conflicted pairs), 5 runs after a warm-up",
            $"{times.Summary}; loads {loads.Min()}–{loads.Max()}, {conflicted} conflicted pairs assigned, every model 3 distinct: {complete}; {experts * 100.0 / plan.Pairs.Count:N0} % of pairs match the field",
            "at most 2 s, loads within one, no conflict", times.P(100) <= 2000 && loads.Max() - loads.Min() <= 1 && conflicted == 0 && complete);
        return report.SaveAsync();
    }
}
