using Dvc.Engine.Persistence.Tests;

namespace Dvc.Engine.Server.Tests.Infrastructure;

/// <summary>
/// A class fixture: the real server (<see cref="DvcServerFactory"/>) on a database of its own on the run's private
/// PostgreSQL, dropped afterwards. Test classes that matter for several nodes run once on each provider.
/// </summary>
public sealed class PostgresServerFactory : IAsyncLifetime
{
    private PostgresServer postgres = null!;
    private string name = null!;

    public DvcServerFactory Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        postgres = await PostgresServer.SharedAsync();
        name = await postgres.CreateDatabaseAsync();
        Server = DvcServerFactory.On(postgres.ConnectionString(name));
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        await postgres.DropDatabaseAsync(name);
    }
}
