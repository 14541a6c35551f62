using Emulation.Kernel.Text;
using Emulation.Kernel.Web;
using Microsoft.AspNetCore.Http;
using Wolverine.Marten;

namespace Emulation.Directory;

/// <summary>What a command decided: one event to append, or why not. Decide functions are pure (the aggregate, the
/// command, who and when), so the rules are unit-tested without a database; the endpoint turns the decision into
/// the HTTP answer and Wolverine appends the event in the request's transaction.</summary>
public sealed record Decision(object? Event, Errors Errors, bool Stale)
{
    /// <summary>Given to <c>[WriteAggregate(VersionSource = ...)]</c>: Wolverine then loads without an expected version,
    /// the decision compares the version the user saw (a 409 with a message, after the 404 for an unknown id), and
    /// Marten still refuses an append that raced another at commit.</summary>
    public const string VersionCheckedByDecision = "versionCheckedByDecision";

    public static Decision Append(object e) => new(e, new Errors(), false);
    public static readonly Decision StaleVersion = new(null, new Errors(), true);

    public static Decision From(Errors errors, Func<object> change) =>
        errors.Ok ? Append(change()) : new Decision(null, errors, false);

    public static (IResult, Events) NotFound(string message) => (Problems.NotFound(message), new Events());

    public IResult? Refusal => Stale ? Problems.Conflict(Problems.StaleVersion) : Errors.Ok ? null : Problems.Validation(Errors);

    public (IResult, Events) Answer(Func<IResult> ok) => Refusal is { } refusal ? (refusal, new Events()) : (ok(), new Events { Event! });
}

/// <summary>Small input conventions shared by the Directory's commands.</summary>
public static class Input
{
    public static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : VietnameseText.Clean(value);
}
