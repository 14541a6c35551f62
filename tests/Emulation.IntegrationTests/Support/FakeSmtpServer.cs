using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Emulation.IntegrationTests.Support;

/// <summary>A minimal SMTP server on a loopback port that keeps what it is sent (enough for MailKit).</summary>
public sealed class FakeSmtpServer : IAsyncDisposable
{
    readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    readonly CancellationTokenSource _stop = new();
    readonly Task _loop;
    public List<string> Messages { get; } = [];
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public FakeSmtpServer()
    {
        _listener.Start();
        _loop = Task.Run(Accept);
    }

    async Task Accept()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); } catch { return; }
            using (client) await Converse(client.GetStream());
        }
    }

    async Task Converse(NetworkStream stream)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8);
        await using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 localhost ESMTP");
        while (await reader.ReadLineAsync() is { } line)
        {
            var verb = line.Split(' ')[0].ToUpperInvariant();
            if (verb is "EHLO" or "HELO") { await writer.WriteLineAsync("250-localhost"); await writer.WriteLineAsync("250 8BITMIME"); }
            else if (verb == "DATA")
            {
                await writer.WriteLineAsync("354 go ahead");
                var body = new StringBuilder();
                while (await reader.ReadLineAsync() is { } data && data != ".") body.AppendLine(data);
                lock (Messages) Messages.Add(body.ToString());
                await writer.WriteLineAsync("250 queued");
            }
            else if (verb == "QUIT") { await writer.WriteLineAsync("221 bye"); return; }
            else await writer.WriteLineAsync("250 ok");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try { await _loop; } catch { /* stopping */ }
    }
}
