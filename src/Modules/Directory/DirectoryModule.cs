using Emulation.Directory.Import;
using Emulation.Directory.Relay;
using Emulation.Directory.People;
using Emulation.Directory.Seed;
using Emulation.Directory.SignIn;
using Emulation.Directory.Units;
using Emulation.Kernel;
using Emulation.Kernel.Security;
using Emulation.Kernel.Web;
using Emulation.Scope;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;
using Wolverine.Marten;

namespace Emulation.Directory;

/// <summary>Units (the tree of provinces, districts, communes, agencies and boards) and people (accounts, roles, sign-in).</summary>
public static class DirectoryModule
{
    public const string Schema = "directory";

    public static IServiceCollection AddDirectory(this IServiceCollection services)
    {
        services.ConfigureMarten(opts =>
        {
            opts.Projections.Snapshot<Unit>(SnapshotLifecycle.Inline);
            opts.Projections.Snapshot<Person>(SnapshotLifecycle.Inline);
            opts.Schema.For<Unit>().DatabaseSchemaName(Schema);
            opts.Schema.For<Person>().DatabaseSchemaName(Schema);
            opts.Schema.For<BoardLevels>().DatabaseSchemaName(Schema);
            opts.Schema.For<Credential>().DatabaseSchemaName(Schema).Index(c => c.PersonId);
            // Two confirmations of one upload: the second finds the batch changed and stores nothing (409).
            opts.Schema.For<DirectoryImportBatch>().DatabaseSchemaName(Schema).UseOptimisticConcurrency(true)
                .Duplicate(b => b.OwnerId).Duplicate(b => b.UploadedAt);
        });
        services.SubscribeToEvents(new DirectoryFeed());
        services.ConsumeFeed(Feed.Catalog, "directory");
        services.AddSingleton<IPasswordHasher<Credential>, PasswordHasher<Credential>>();
        services.AddScoped<SignInService>();
        services.AddTransient<IClaimsTransformation, RoleClaims>();
        services.AddSingleton<IModulePages, Pages>();
        services.AddSingleton<IHomeFigures, DirectoryFigures>();
        services.AddSingleton<IDemoSeed, DirectoryDemoSeed>();
        services.AddSingleton(new NavItem("/quan-tri/don-vi", "Đơn vị", 80, u => u.IsAdmin, ["/quan-tri/nhap-excel"]));
        services.AddSingleton(new NavItem("/quan-tri/nguoi-dung", "Người dùng", 81, u => u.IsAdmin));
        services.AddSingleton(new NavItem("/tai-khoan", "Tài khoản", 95, u => u.IsAuthenticated));
        return services;
    }

    public static WolverineOptions UseDirectory(this WolverineOptions opts)
    {
        opts.Discovery.IncludeAssembly(typeof(DirectoryModule).Assembly);
        opts.PublishFeed(Feed.Directory);
        return opts;
    }

    sealed class Pages : IModulePages
    {
        public void Map(IEndpointRouteBuilder app)
        {
            SignInPages.Map(app);
            ChangeOwnPasswordEndpoint.MapPage(app);
            UnitPages.Map(app);
            PeoplePages.Map(app);
        }
    }

    sealed class DirectoryFigures(IServiceProvider services) : IHomeFigures
    {
        public int Order => 10;

        public async Task<IReadOnlyList<Figure>> FiguresAsync(CurrentUser user, CancellationToken ct)
        {
            using var scope = services.CreateScope();
            var session = scope.ServiceProvider.GetRequiredService<IQuerySession>();
            var units = await session.Query<Unit>().Where(u => u.Status == UnitStatus.Active).CountAsync(ct);
            var boards = await session.Query<Unit>().Where(u => u.Status == UnitStatus.Active && u.Kind == UnitKind.Board).CountAsync(ct);
            var people = await session.Query<Person>().Where(p => !p.Disabled).CountAsync(ct);
            var admin = user.IsAdmin;
            return
            [
                new Figure("Đơn vị đang hoạt động", units, admin ? "/quan-tri/don-vi" : null),
                new Figure("Ban Dân vận, Ban Chỉ đạo", boards, admin ? "/quan-tri/don-vi" : null),
                new Figure("Người dùng", people, admin ? "/quan-tri/nguoi-dung" : null)
            ];
        }
    }
}
