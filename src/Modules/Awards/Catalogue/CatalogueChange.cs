using Emulation.Kernel.Security;
using Emulation.Kernel.Web;
using Marten;
using Microsoft.AspNetCore.Http;

namespace Emulation.Awards.Catalogue;

/// <summary>An administrator's change to the catalogue's one stream: refused to anyone else, decided on the catalogue as
/// Marten folds it, the events appended with the version the decision read.</summary>
public static class CatalogueChange
{
    public static async Task<IResult> AsAdminAsync(IDocumentSession session, HttpContext ctx, string forbidden,
        Func<AwardCatalogue, Guid, (IResult Result, IReadOnlyList<object> Events)> decide)
    {
        var user = ctx.CurrentUser();
        if (!user.IsAdmin) return Problems.Forbidden(forbidden);
        var stream = await session.Events.FetchForWriting<AwardCatalogue>(AwardCatalogue.StreamId, ctx.RequestAborted);
        var (result, events) = decide(stream.Aggregate ?? AwardCatalogue.Empty, user.Id);
        if (events.Count > 0) stream.AppendMany(events);
        return result;
    }
}
