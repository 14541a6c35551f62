using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;

namespace Emulation.IntegrationTests.Support;

/// <summary>The built host run as a process of its own (as in production), for tests that must not share the
/// in-process host: a database outage, a low sign-in limit, a kill -9.</summary>

public sealed class HostProcess : IAsyncDisposable
{
    readonly Process _process;
    public Uri BaseAddress { get; }
    public int Id => _process.Id;

    HostProcess(Process process, Uri baseAddress) => (_process, BaseAddress) = (process, baseAddress);

    static readonly object LogLock = new();

    public static async Task<HostProcess> StartAsync(string connectionString, IDictionary<string, string>? settings = null, int? port = null)
    {
        var root = RepositoryRoot();
        var dll = System.IO.Directory.GetFiles(Path.Combine(root, "src/Host/bin"), "Emulation.Host.dll", SearchOption.AllDirectories)
            .OrderByDescending(File.GetLastWriteTimeUtc).First();
        var address = new Uri($"http://127.0.0.1:{port ?? FreePort()}");
        var start = new ProcessStartInfo("dotnet", new[] { dll, "--urls", address.ToString() })
        {
            WorkingDirectory = Path.Combine(root, "src/Host"), RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false
        };
        start.Environment["ConnectionStrings__Emulation"] = connectionString;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["DemoData__Seed"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) start.Environment[key] = value;
        var process = Process.Start(start)!;
        // EMULATION_TEST_HOST_LOG names a file that collects the hosts' output, to read after a failing run.
        var log = Environment.GetEnvironmentVariable("EMULATION_TEST_HOST_LOG");
        process.OutputDataReceived += (_, e) => { if (log is not null && e.Data is not null) lock (LogLock) File.AppendAllText(log, e.Data + "\n"); };
        process.ErrorDataReceived += (_, e) => { if (log is not null && e.Data is not null) lock (LogLock) File.AppendAllText(log, e.Data + "\n"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new HostProcess(process, address);
        // Several hosts may start at once on two shared cores: a start has taken over 90 s here under load.
        await host.WaitUntilAnswering(TimeSpan.FromSeconds(240));
        return host;
    }

    public async Task WaitUntilAnswering(TimeSpan limit)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited) throw new InvalidOperationException($"the host exited with {_process.ExitCode}");
            try { if ((await client.GetAsync("/health")).StatusCode == HttpStatusCode.OK) return; }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            if (clock.Elapsed > limit) throw new TimeoutException("the host did not answer");
            await Task.Delay(200);
        }
    }

    /// <summary>A client signed in as a demo person. The host answers its health check before the demo people are seeded
    /// and may drop a connection while its background services start: the token is asked for again for up to a minute.</summary>
    public async Task<HttpClient> SignInAsync(string userName, TimeSpan? timeout = null)
    {
        var client = Client();
        client.Timeout = timeout ?? TimeSpan.FromMinutes(2);
        HttpResponseMessage? reply = null;
        for (var attempt = 0; attempt < 120 && reply?.IsSuccessStatusCode != true; attempt++)
        {
            if (attempt > 0) await Task.Delay(500);
            try { reply = await client.PostAsJsonAsync("/api/auth/token", new { userName, password = Emulation.Directory.Seed.DirectoryDemoSeed.Password }); }
            catch (HttpRequestException) { reply = null; }
        }
        if (reply?.IsSuccessStatusCode != true) throw new InvalidOperationException($"{userName} could not sign in to the host process");
        var token = (await reply!.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public HttpClient Client() =>
        new(new HttpClientHandler { UseCookies = true, CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = BaseAddress };

    /// <summary>A crash: no shutdown code runs, the database sessions are left to the operating system.</summary>
    public void Kill() { if (!_process.HasExited) { _process.Kill(entireProcessTree: true); _process.WaitForExit(); } }

    /// <summary>A normal stop (SIGTERM, as a service manager does): shutdown code runs and releases the locks.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited) return;
        if (kill(_process.Id, 15) != 0) throw new InvalidOperationException("SIGTERM could not be sent");
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(limit.Token);
    }

    [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
    static extern int kill(int pid, int signal);

    public ValueTask DisposeAsync() { Kill(); _process.Dispose(); return ValueTask.CompletedTask; }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Emulation.sln"))) return dir.FullName;
        throw new InvalidOperationException("Emulation.sln not found above " + AppContext.BaseDirectory);
    }
}
