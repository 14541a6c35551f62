using Emulation.Awards.Catalogue;
using Emulation.Awards.Certificates;
using Emulation.Awards.Decisions;
using Emulation.Awards.Proposals;
using Emulation.Awards.Reports;
using Emulation.Awards.Units;
using Emulation.Awards.Verification;
using Emulation.Kernel.Web;
using Emulation.Scope;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace Emulation.Awards;

/// <summary>Awards (issue 9): forms of commendation and who signs them, award decisions drafted from Review's proposal
/// lists, gold-book numbers, certificates that print true and a verification anyone can run. Fed by Review's feed,
/// never by its tables.</summary>
public static class AwardsModule
{
    public const string Schema = "awards";

    public static IServiceCollection AddAwards(this IServiceCollection services, IConfiguration configuration)
    {
        services.ConfigureMarten(opts =>
        {
            opts.Projections.Snapshot<AwardCatalogue>(SnapshotLifecycle.Inline);
            opts.Schema.For<AwardCatalogue>().DatabaseSchemaName(Schema);
            opts.Projections.Snapshot<AwardDecision>(SnapshotLifecycle.Inline);
            opts.Schema.For<AwardDecision>().DatabaseSchemaName(Schema).Duplicate(d => d.RoundId);
            opts.Schema.For<GoldBook>().DatabaseSchemaName(Schema).Identity(g => g.Id);
            opts.FeedCopy<AwardsUnit>(Schema).FeedCopy<AwardsPerson>(Schema).FeedCopy<ProposalList>(Schema);
            opts.Projections.Snapshot<Certificate>(SnapshotLifecycle.Inline);
            opts.Schema.For<Certificate>().DatabaseSchemaName(Schema)
                .Duplicate(c => c.DecisionId).Duplicate(c => c.SearchKey).Duplicate(c => c.Year);
            opts.Schema.For<StoredSigningKey>().DatabaseSchemaName(Schema).Identity(k => k.Id);
            opts.Schema.For<PrinterCalibration>().DatabaseSchemaName(Schema).Identity(k => k.Id).Duplicate(p => p.UnitId);
            opts.Schema.For<CertificatePrint>().DatabaseSchemaName(Schema);
            opts.FeedCopy<ReportModel>(Schema);
            opts.Schema.For<ReportModel>().Duplicate(m => m.CampaignId).Duplicate(m => m.PeriodId).Duplicate(m => m.UnitId)
                .Duplicate(m => m.Code!).Duplicate(m => m.Name).Duplicate(m => m.Kind).Duplicate(m => m.Status)
                .Duplicate(m => m.LevelCode).Duplicate(m => m.FieldCode).Duplicate(m => m.SubmittedAt!).Duplicate(m => m.AcceptedAt!)
                .Duplicate(m => m.ReplicatesModelId!);
            opts.Schema.For<ReportCampaign>().DatabaseSchemaName(Schema);
            opts.Projections.Snapshot<PastCommendation>(SnapshotLifecycle.Inline);
            opts.Schema.For<PastCommendation>().DatabaseSchemaName(Schema).Duplicate(p => p.CampaignId!);
            opts.Schema.For<CommendationImportBatch>().DatabaseSchemaName(Schema).Duplicate(b => b.OwnerId);
        });
        services.ConsumeFeed(Feed.Directory, "awards").ConsumeFeed(Feed.Review, "awards").ConsumeFeed(Feed.Registry, "awards");
        services.AddSingleton<AwardsUnits>();
        services.AddSingleton<IModulePages, AwardsPages>();
        services.AddSingleton<Kernel.IDemoSeed, Seed.AwardsDemoSeed>();
        services.AddSingleton(new NavItem("/khen-thuong", "Khen thưởng", 60,
            u => u.IsAdmin || u.Has(Roles.BoardSecretary) || u.Has(Roles.Approver) || u.Has(Roles.BoardMember)));
        services.AddSingleton(new NavItem("/bao-cao-so-ket", "Báo cáo sơ kết", 62,
            u => u.IsAdmin || u.Has(Roles.BoardSecretary) || u.Has(Roles.BoardMember) || u.Has(Roles.Approver) || u.Has(Roles.Officer)));
        services.AddSingleton(new NavItem("/khen-thuong/danh-muc", "Danh mục hình thức khen thưởng", 61, u => u.IsAdmin));
        services.AddSingleton<CertificateKeys>();
        services.AddSingleton<CertificateIssuer>();
        services.AddSingleton<Verification.VerifiedPages>();
        services.AddSingleton<IModulePages, CertificatePages>();
        services.AddPublicLookupLimit(configuration);
        services.AddSingleton(new NavItem("/tra-cuu-khen-thuong", "Tra cứu khen thưởng", 58, _ => true));
        services.AddSingleton(new NavItem("/khen-thuong/may-in", "Máy in bằng khen", 57,
            u => u.Has(Roles.Approver) || u.Has(Roles.BoardSecretary)));
        return services;
    }

    public static WolverineOptions UseAwards(this WolverineOptions opts)
    {
        opts.Discovery.IncludeAssembly(typeof(AwardsModule).Assembly);
        return opts;
    }
}
