using Microsoft.Data.Sqlite;

namespace Dvc.Engine.Server.Tests.Infrastructure;

/// <summary>
/// Two server nodes on one SQLite file and file store, each with its own service provider and DbContexts, started
/// one after the other (the second finds the schema and demo accounts the first made). <see cref="Restart"/> gives a
/// third, fresh node on the same data, as after a restart.
/// </summary>
public sealed class TwoNodes : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "dvc-server-tests", Guid.NewGuid().ToString("N"));

    public DvcServerFactory A { get; private set; } = null!;

    public DvcServerFactory B { get; private set; } = null!;

    /// <summary>The nodes' shared data folder (database and files).</summary>
    public string DataFolder => Path.Combine(_folder, "data");

    public Task InitializeAsync()
    {
        A = Restart();
        _ = A.Services;
        B = Restart();
        _ = B.Services;
        return Task.CompletedTask;
    }

    /// <summary>A new node on the same data; the caller disposes it.</summary>
    public DvcServerFactory Restart() => new(DataFolder, DvcServerFactory.RepositoryDefinitions());

    public async Task DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
        SqliteConnection.ClearAllPools();
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
