using Dvc.Engine.Persistence.Dossiers;
using Dvc.Engine.Persistence.Procedures;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Dvc.Engine.Persistence.Tests;

/// <summary>
/// A fresh database per test class instance — a SQLite file in a temp folder, or a database of its own on the run's
/// <see cref="PostgresServer"/> — migrated through <see cref="DatabaseInitializer"/> and reached through the real
/// registration (<c>AddDvcPersistence</c>). Each <see cref="Scope"/> is a separate DbContext and connection, the way
/// two requests or two nodes see the database.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string folder;
    private readonly ServiceProvider provider;
    private readonly (PostgresServer Server, string Name)? postgres;

    private TestDatabase(string folder, ServiceProvider provider, FakeTimeProvider clock, (PostgresServer, string)? postgres)
    {
        this.folder = folder;
        this.provider = provider;
        this.postgres = postgres;
        Clock = clock;
    }

    public DatabaseProvider Provider => postgres is null ? DatabaseProvider.Sqlite : DatabaseProvider.Postgres;

    /// <summary>Starts 2026-03-02 09:00 in Hanoi (02:00 UTC).</summary>
    public FakeTimeProvider Clock { get; }

    public string FilePath => Path.Combine(folder, "dvc.db");

    private string ConnectionString => $"Data Source={FilePath}";

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider kind, Action<IServiceCollection>? configure = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "dvc-persistence-tests", Guid.NewGuid().ToString("N"));
        (PostgresServer, string)? postgres = null;
        var connectionString = $"Data Source={Path.Combine(folder, "dvc.db")}";
        if (kind == DatabaseProvider.Postgres)
        {
            var server = await PostgresServer.SharedAsync();
            var name = await server.CreateDatabaseAsync();
            postgres = (server, name);
            connectionString = server.ConnectionString(name);
        }

        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(clock);
        configure?.Invoke(services);
        services.AddDvcPersistence(connectionString);
        var provider = services.BuildServiceProvider(validateScopes: true);
        var database = new TestDatabase(folder, provider, clock, postgres);
        await using (var scope = database.Scope())
        {
            await scope.Get<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
        }

        return database;
    }

    public TestScope Scope() => new(provider.CreateAsyncScope());

    /// <summary>A published version of a small procedure, for tests that need a dossier.</summary>
    public async Task<Guid> SeedProcedureAsync(string code = "HN-TP-001")
    {
        await using var scope = Scope();
        var result = await scope.Get<ProcedureVersionStore>().ImportAsync(
            new ProcedureImport(code, "1.0.0", $$"""{"code":"{{code}}","version":"1.0.0"}""", "test"),
            CancellationToken.None);
        return result.Version.Id;
    }

    /// <summary>A dossier on a seeded procedure.</summary>
    public async Task<DossierRecord> SeedDossierAsync(Guid procedureVersionId, string? applicantUserId = "citizen-1")
    {
        await using var scope = Scope();
        return await scope.Get<DossierStore>().CreateAsync(
            new NewDossier
            {
                ProcedureVersionId = procedureVersionId,
                AgencyCode = "SO-TU-PHAP",
                ApplicantUserId = applicantUserId,
                ApplicantName = "Nguyễn Văn An",
                ApplicantCitizenId = "001203004567",
                DataJson = """{"hoTen":"Nguyễn Văn An"}""",
            },
            CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await provider.DisposeAsync();
        if (postgres is var (server, name))
        {
            await server.DropDatabaseAsync(name);
            return;
        }

        // Only this file's pooled connections: other test classes run in parallel on their own files.
        using (var connection = new SqliteConnection(ConnectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a finalizer-bound handle: the OS temp cleaner takes it later.
        }
    }
}
