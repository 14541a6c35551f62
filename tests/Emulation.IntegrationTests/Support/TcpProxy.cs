using System.Net;
using System.Net.Sockets;

namespace Emulation.IntegrationTests.Support;

/// <summary>A loopback relay in front of PostgreSQL that a test can cut and restore, so an outage is simulated
/// without touching the shared cluster: while cut, new connections are refused and open ones are reset.</summary>
public sealed class TcpProxy(int targetPort) : IAsyncDisposable
{
    readonly List<TcpClient> _open = [];
    TcpListener? _listener;
    public int Port { get; private set; }

    public void Start()
    {
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _ = Accept(_listener);
    }

    public void Cut()
    {
        _listener?.Stop();
        _listener = null;
        lock (_open)
        {
            foreach (var client in _open)
            {
                try { client.Client?.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.Linger, new LingerOption(true, 0)); }
                catch (Exception) { }
                client.Dispose();
            }
            _open.Clear();
        }
    }

    async Task Accept(TcpListener listener)
    {
        while (true)
        {
            TcpClient incoming;
            try { incoming = await listener.AcceptTcpClientAsync(); }
            catch (Exception) { return; }
            var outgoing = new TcpClient();
            try { await outgoing.ConnectAsync(IPAddress.Loopback, targetPort); }
            catch (Exception) { incoming.Dispose(); outgoing.Dispose(); continue; }
            lock (_open) { _open.Add(incoming); _open.Add(outgoing); }
            _ = Pump(incoming, outgoing);
            _ = Pump(outgoing, incoming);
        }
    }

    static async Task Pump(TcpClient from, TcpClient to)
    {
        try { await from.GetStream().CopyToAsync(to.GetStream()); }
        catch (Exception) { }
        finally { from.Dispose(); to.Dispose(); }
    }

    public ValueTask DisposeAsync() { Cut(); return ValueTask.CompletedTask; }
}
