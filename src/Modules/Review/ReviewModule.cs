using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace Emulation.Review;

/// <summary>Review rounds: rubrics, self-assessment, reviewers and their independent scores, the board's decision and
/// the minutes (issue 8). Fed by the Registry's and Monitoring's feeds, never by their tables.</summary>
public static class ReviewModule
{
    public const string Schema = "review";

    public static IServiceCollection AddReview(this IServiceCollection services, IConfiguration configuration)
    {
        return services;
    }

    public static WolverineOptions UseReview(this WolverineOptions opts)
    {
        opts.Discovery.IncludeAssembly(typeof(ReviewModule).Assembly);
        return opts;
    }
}
