using Emulation.Kernel.Web;
using Emulation.Review.Assignment;
using Emulation.Review.Reviewers;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Emulation.Review.Scoring;

/// <summary>The storage and settings of assignment, scoring and ranking (ADR 0022), called from <see cref="ReviewModule"/>.</summary>
public static class ReviewScoringModule
{
    public static void Configure(StoreOptions opts)
    {
        opts.Projections.Snapshot<ModelReview>(SnapshotLifecycle.Inline);
        opts.Projections.Snapshot<Scorecard>(SnapshotLifecycle.Inline);
        opts.Schema.For<ModelReview>().DatabaseSchemaName(ReviewModule.Schema).Duplicate(r => r.RoundId);
        opts.Schema.For<Scorecard>().DatabaseSchemaName(ReviewModule.Schema)
            .Duplicate(s => s.RoundId).Duplicate(s => s.ModelId).Duplicate(s => s.ReviewerId);
        opts.Schema.For<ReviewerExpertise>().DatabaseSchemaName(ReviewModule.Schema);
        opts.Projections.Add(new Ranking.RankingEntryProjection(), ProjectionLifecycle.Inline, Ranking.RankingEntryProjection.Name);
        opts.Storage.ExtendedSchemaObjects.Add(Ranking.RankingEntryProjection.Schema());
    }

    public static IServiceCollection AddReviewScoring(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<Rounds.RoundCache>();
        services.Configure<ScoringOptions>(configuration.GetSection("Review:Scoring"));
        services.AddSingleton<IModulePages, ReviewScoringPages>();
        services.AddSingleton(new NavItem("/tham-dinh", "Thẩm định, chấm điểm", 42,
            u => u.Has(Roles.BoardMember) || u.Has(Roles.BoardSecretary) || u.Has(Roles.Expert) || u.IsAdmin));
        return services;
    }
}
