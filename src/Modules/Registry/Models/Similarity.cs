using System.Globalization;
using Emulation.Kernel.Text;
using Npgsql;

namespace Emulation.Registry.Models;

/// <summary>Near-duplicate names compare their folded forms (no diacritics, case, spacing or punctuation) by
/// PostgreSQL's trigram similarity (<see cref="NearDuplicates"/>); identical folded names are exact duplicates.</summary>
public static class Similarity
{
    /// <summary>Trigram similarity from which two names are flagged: "Đổi rác thải nhựa lấy quà" and
    /// "Đổi rác nhựa lấy quà tặng" score 0.72, unrelated names of a few words below 0.3.</summary>
    public const double Threshold = 0.6;

    public static string Key(string name) => VietnameseText.Fold(name);

    /// <summary>A query using the trigram operator <c>%</c>, run after setting the operator's threshold to ours for its
    /// transaction (a batch is one). Left at pg_trgm's default of 0.3, the index hands back every name sharing a few
    /// common words ("ấp", "khóm", "dân vận") — 47,807 candidates for one name among 200,000 models, against about
    /// 10,500 at 0.6 (docs/performance.md) — and each one is read and compared again.</summary>
    public static NpgsqlBatch Batch(NpgsqlConnection connection, NpgsqlBatchCommand query)
    {
        var threshold = Threshold.ToString(CultureInfo.InvariantCulture);
        return new NpgsqlBatch(connection)
        {
            BatchCommands = { new NpgsqlBatchCommand($"select set_config('pg_trgm.similarity_threshold', '{threshold}', true)"), query }
        };
    }
}
