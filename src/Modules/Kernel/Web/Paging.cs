namespace Emulation.Kernel.Web;

/// <summary>One page of a long list. A page past the end shows the last page rather than "page 999 of 2".</summary>
public sealed record Paging(int Page, int PageSize, long Total)
{
    public int Pages => (int)Math.Max(1, Math.Ceiling(Total / (double)PageSize));
    public int Skip => (Page - 1) * PageSize;

    public static Paging Of(int? requested, int pageSize, long total)
    {
        var pages = (int)Math.Max(1, Math.Ceiling(total / (double)pageSize));
        return new Paging(Math.Clamp(requested ?? 1, 1, pages), pageSize, total);
    }

    public IEnumerable<T> Slice<T>(IEnumerable<T> all) => all.Skip(Skip).Take(PageSize);
}
