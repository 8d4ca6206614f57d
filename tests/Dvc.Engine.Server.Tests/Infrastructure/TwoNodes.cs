using Dvc.Engine.Persistence;
using Dvc.Engine.Persistence.Tests;
using Microsoft.Data.Sqlite;

namespace Dvc.Engine.Server.Tests.Infrastructure;

/// <summary>
/// Two server nodes on one database (a SQLite file, or a private PostgreSQL database) and one file store, each with
/// its own service provider and DbContexts, started one after the other (the second finds the schema and demo
/// accounts the first made). <see cref="Restart"/> gives a third, fresh node on the same data, as after a restart.
/// </summary>
public sealed class TwoNodes(DatabaseProvider provider = DatabaseProvider.Sqlite) : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "dvc-server-tests", Guid.NewGuid().ToString("N"));
    private (PostgresServer Server, string Name)? _postgres;
    private string? _database;

    public DvcServerFactory A { get; private set; } = null!;

    public DvcServerFactory B { get; private set; } = null!;

    /// <summary>The nodes' shared data folder (files, and the SQLite database).</summary>
    public string DataFolder => Path.Combine(_folder, "data");

    public async Task InitializeAsync()
    {
        if (provider == DatabaseProvider.Postgres)
        {
            var server = await PostgresServer.SharedAsync();
            _postgres = (server, await server.CreateDatabaseAsync());
            _database = server.ConnectionString(_postgres.Value.Name);
        }

        A = Restart();
        _ = A.Services;
        B = Restart();
        _ = B.Services;
    }

    /// <summary>A new node on the same data; the caller disposes it.</summary>
    public DvcServerFactory Restart() => new(DataFolder, DvcServerFactory.RepositoryDefinitions(), database: _database);

    public async Task DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (_postgres is var (server, name))
        {
            await server.DropDatabaseAsync(name);
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment; the temp folder is cleaned by the OS.
        }
    }
}
