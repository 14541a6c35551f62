using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Emulation.IntegrationTests.Platform;

/// <summary>What lets another node take the daemon over within seconds of a kill -9 (ADR 0016; measured by
/// ./build.sh bench --recovery, docs/performance.md): the server notices a vanished client even in the middle of the
/// pg_sleep that holds a leadership lock, and standby nodes try the lock every second.</summary>
[Collection(AppCollection.Name)]
public sealed class RecoverySettingsTests(AppFixture app)
{
    [Fact]
    public async Task Sessions_of_the_event_store_look_for_a_vanished_client_every_second_and_standbys_poll_every_second()
    {
        var store = (DocumentStore)app.Services.GetRequiredService<IDocumentStore>();
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync();
        Assert.Equal("1s", await Show(connection, "client_connection_check_interval"));
        Assert.Equal("5", await Show(connection, "tcp_keepalives_idle"));
        Assert.Equal("10000", await Show(connection, "tcp_user_timeout"));
        Assert.Equal(1000, store.Options.Projections.LeadershipPollingTime);
    }

    static async Task<string> Show(NpgsqlConnection connection, string setting)
    {
        await using var command = new NpgsqlCommand("show " + setting, connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
