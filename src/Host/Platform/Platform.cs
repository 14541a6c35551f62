using Emulation.Kernel;
using Emulation.Kernel.Web;
using Emulation.Host.Platform.Binding;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.StaticFiles;

namespace Emulation.Host.Platform;

/// <summary>What every module relies on: storage, security, API conventions, the UI shell and health.</summary>
public static class PlatformSetup
{
    public static WebApplicationBuilder AddPlatform(this WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString("Emulation");
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new InvalidOperationException(
                "No database configured: set ConnectionStrings:Emulation (environment: ConnectionStrings__Emulation). " +
                "For a local database run ./build.sh run.");

        if (builder.Environment.IsProduction())
        {
            // Structured logs: one JSON object per line on standard output, whatever the working directory.
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(o => { o.UseUtcTimestamp = true; o.IncludeScopes = true; });
        }
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddPersistence(connectionString, builder.Environment);
        builder.Services.AddSecurity(builder.Environment, builder.Configuration);
        builder.Services.AddProxySupport(builder.Configuration);
        builder.Services.AddApi();
        builder.Services.AddPages();
        builder.Services.AddScheduling(connectionString);
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        if (builder.Configuration.GetValue<bool>("DemoData:Seed")) builder.Services.AddHostedService<DemoSeeder>();
        return builder;
    }

    public static WebApplication UsePlatform(this WebApplication app)
    {
        app.UseProxySupport();
        app.UseSecurityHeaders();
        app.UseApi();
        app.UseStaticAssets();
        app.UseAuthentication();
        app.UseAccountStatus();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();
        app.UseApiAntiforgery();
        app.UseUnusableInputChecks();
        app.UseScheduling();

        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = DatabaseHealthCheck.WriteJson }).AllowAnonymous();
        app.MapWolverineApi();
        app.MapGet("/", HomePage.Get).RequireAuthorization();
        app.MapGet("/khong-co-quyen", (Delegate)PageResults.Forbidden);
        foreach (var pages in app.Services.GetServices<IModulePages>()) pages.Map(app);
        return app;
    }

    static readonly FileExtensionContentTypeProvider Types = new();

    static void UseStaticAssets(this WebApplication app)
    {
        var kernel = typeof(PageLayout).Assembly;
        app.MapGet("/assets/{name}", (string name) =>
        {
            var stream = kernel.GetManifestResourceStream("assets/" + name);
            if (stream is null) return Results.NotFound();
            var type = Types.TryGetContentType(name, out var known) ? known : "application/octet-stream";
            return Results.Stream(stream, type.StartsWith("text/") ? type + "; charset=utf-8" : type);
        }).AllowAnonymous().CacheOutput(_ => { });
        // Browsers ask for /favicon.ico on their own (a page without it logs a 404, or a redirect to sign-in when signed out).
        app.MapGet("/favicon.ico", () => Results.Redirect("/assets/favicon.svg", permanent: true)).AllowAnonymous();
    }
}

/// <summary>Runs each module's demo seed once every hosted service (and so Wolverine) has started,
/// before the host reports itself started.</summary>
sealed class DemoSeeder(IServiceProvider services, IEnumerable<IDemoSeed> seeds, ILogger<DemoSeeder> log) : IHostedLifecycleService
{
    public Task StartAsync(CancellationToken ct) => Task.CompletedTask;
    public Task StartingAsync(CancellationToken ct) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken ct) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken ct) => Task.CompletedTask;

    const int SeedAttempts = 4;

    public async Task StartedAsync(CancellationToken ct)
    {
        foreach (var seed in seeds.OrderBy(s => s.Order))
        {
            // A seed appends to streams the feeds' handlers may be writing at the same moment (a followed model's first
            // events): a concurrency refusal there is retried, since each seed commits once and checks whether it ran.
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await seed.SeedAsync(services, ct);
                    break;
                }
                catch (Exception e) when (attempt < SeedAttempts && !ct.IsCancellationRequested)
                {
                    log.LogWarning(e, "Demo data {Seed}: attempt {Attempt} failed, trying again", seed.GetType().Name, attempt);
                    await Task.Delay(TimeSpan.FromSeconds(attempt), ct);
                }
            }
            log.LogInformation("Demo data checked: {Seed}", seed.GetType().Name);
        }
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
