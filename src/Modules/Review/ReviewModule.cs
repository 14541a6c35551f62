using Emulation.Review.Models;
using Emulation.Review.Rounds;
using Emulation.Kernel.Web;
using Emulation.Review.Rubrics;
using Emulation.Review.Scoring;
using Emulation.Review.SelfAssessment;
using Emulation.Review.Units;
using Emulation.Scope;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;
using Wolverine.Marten;

namespace Emulation.Review;

/// <summary>Review rounds: rubrics, self-assessment, reviewers and their independent scores, the board's decision and
/// the minutes (issue 8). Fed by the Registry's and Monitoring's feeds, never by their tables.</summary>
public static class ReviewModule
{
    public const string Schema = "review";

    public static IServiceCollection AddReview(this IServiceCollection services, IConfiguration configuration)
    {
        services.ConfigureMarten(opts =>
        {
            opts.Projections.Snapshot<Rubric>(SnapshotLifecycle.Inline);
            opts.Projections.Snapshot<Round>(SnapshotLifecycle.Inline);
            opts.Projections.Snapshot<ModelSelfAssessment>(SnapshotLifecycle.Inline);
            opts.Schema.For<ModelSelfAssessment>().DatabaseSchemaName(Schema).Duplicate(a => a.RoundId);
            opts.Schema.For<Rubric>().DatabaseSchemaName(Schema);
            opts.Schema.For<Round>().DatabaseSchemaName(Schema);
            opts.FeedCopy<ReviewUnit>(Schema).FeedCopy<ReviewPerson>(Schema);
            opts.Schema.For<ReviewedModel>().DatabaseSchemaName(Schema)
                .Duplicate(m => m.PeriodId).Duplicate(m => m.UnitId).Duplicate(m => m.Status);
            opts.Schema.For<ReviewCampaign>().DatabaseSchemaName(Schema);
            opts.FeedCopy<Following.FollowedRecord>(Schema);
            opts.Projections.Snapshot<Decisions.RoundDecisions>(SnapshotLifecycle.Inline);
            opts.Schema.For<Decisions.RoundDecisions>().DatabaseSchemaName(Schema);
            opts.Schema.For<Reminders.ReviewNotice>().DatabaseSchemaName(Schema).Duplicate(n => n.UnitId).Duplicate(n => n.CreatedAt).Duplicate(n => n.PersonId);
            ReviewScoringModule.Configure(opts);
        });
        services.ConsumeFeed(Feed.Directory, "review").ConsumeFeed(Feed.Registry, "review").ConsumeFeed(Feed.Monitoring, "review");
        services.AddSingleton<ReviewUnits>();
        services.AddSingleton<Decisions.IRoundProgress, Decisions.SelfAssessedProgress>();
        services.AddSingleton<Decisions.IRoundProgress, Decisions.ScoredProgress>();
        services.AddSingleton<IModulePages, ReviewPages>();
        services.AddReviewScoring(configuration);
        services.SubscribeToEvents(new Relay.ReviewFeed());
        services.AddSingleton<Kernel.IDemoSeed, Seed.ReviewDemoSeed>();
        services.AddSingleton<Kernel.IDemoSeed, Seed.ScoringDemoSeed>();
        services.AddSingleton<Kernel.IDemoSeed, Seed.ReviewAwardsDemoSeed>();
        services.Configure<Reminders.ReviewReminderOptions>(configuration.GetSection("Review:Reminders"));
        var cron = configuration["Review:Reminders:Cron"] ?? new Reminders.ReviewReminderOptions().Cron;
        services.AddSingleton(new Kernel.Scheduling.RecurringTrigger("review-reminders", cron, () => new Reminders.SendReviewReminders()));
        services.AddScoped<Kernel.Web.Inbox.INoticeSource, Reminders.ReviewNotices>();
        services.AddSingleton(new NavItem("/danh-gia", "Đánh giá mô hình", 40, u => u.IsAuthenticated));
        services.AddSingleton(new NavItem("/danh-gia/tieu-chi", "Bộ tiêu chí chấm điểm", 41,
            u => u.IsAdmin || u.Has(Roles.BoardSecretary) || u.Has(Roles.BoardMember)));
        return services;
    }

    public static WolverineOptions UseReview(this WolverineOptions opts)
    {
        opts.Discovery.IncludeAssembly(typeof(ReviewModule).Assembly);
        opts.PublishFeed(Feed.Review);
        return opts;
    }
}
