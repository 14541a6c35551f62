using Microsoft.AspNetCore.Http;

namespace Emulation.Registry.Models;

/// <summary>The list's filter as it travels in the address, so a filtered list can be bookmarked and shared.</summary>
public static class ModelListQuery
{
    public static ModelFilter From(HttpRequest r, Guid? board = null)
    {
        Guid? G(string k) => Guid.TryParse(r.Query[k], out var g) ? g : null;
        T? E<T>(string k) where T : struct, Enum => Enum.TryParse<T>(r.Query[k], out var v) ? v : null;
        string? S(string k) => string.IsNullOrWhiteSpace(r.Query[k]) ? null : r.Query[k].ToString();
        return new ModelFilter(G("period"), S("level"), S("field"), E<ModelKind>("kind"), E<ModelStatus>("status"), G("unit"), S("q"), S("sort"),
            int.TryParse(r.Query["page"], out var p) ? p : 1, int.TryParse(r.Query["pageSize"], out var ps) ? ps : 20, board);
    }

    public static string Of(ModelFilter f, int? page = null, string? format = null)
    {
        var parts = new List<string>();
        void Add(string k, object? v) { if (v is not null && v.ToString() != "") parts.Add($"{k}={Uri.EscapeDataString(v.ToString()!)}"); }
        Add("period", f.Period); Add("level", f.Level); Add("field", f.Field); Add("kind", f.Kind); Add("status", f.Status);
        Add("unit", f.Unit); Add("q", f.Q); Add("sort", f.Sort); Add("page", page); Add("format", format);
        return string.Join("&", parts);
    }
}
