using Dvc.Engine.Persistence.Agencies;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Dvc.Engine.Persistence.Tests.Agencies;

public abstract class AgencyStoreTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly AgencyRecord BaDinh = new("HN-P-BA-DINH", "Ủy ban nhân dân phường Ba Đình", "People's Committee of Ba Dinh Ward", "HN-UBND-XA", UnitVersion: "hn-2025", UnitId: "ba-dinh", ValidFrom: new DateOnly(2025, 7, 1));
    private static readonly AgencyRecord Group = new("HN-UBND-XA", "Ủy ban nhân dân phường, xã", "Ward/commune People's Committees", IsGroup: true);

    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await database.DisposeAsync();

    private async Task<int> ImportAsync(params AgencyRecord[] agencies)
    {
        await using var scope = database.Scope();
        return await scope.Get<AgencyStore>().ImportAsync(agencies, CancellationToken.None);
    }

    private async Task<IReadOnlyList<AgencyRecord>> ListAsync()
    {
        await using var scope = database.Scope();
        return await scope.Get<AgencyStore>().ListAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Importing_the_same_list_again_changes_nothing()
    {
        await ImportAsync(Group, BaDinh);

        var again = await ImportAsync(Group, BaDinh);

        Assert.Equal(0, again);
        Assert.Equal([BaDinh, Group], await ListAsync());
    }

    [Fact]
    public async Task A_renamed_agency_is_updated_and_one_left_out_of_the_list_is_kept_for_its_dossiers()
    {
        await ImportAsync(Group, BaDinh);

        var changed = await ImportAsync(BaDinh with { NameVi = "UBND phường Ba Đình" });

        Assert.Equal(1, changed);
        Assert.Equal([BaDinh with { NameVi = "UBND phường Ba Đình" }, Group], await ListAsync());
    }
}

public sealed class AgencyStoreOnSqliteTests() : AgencyStoreTests(DatabaseProvider.Sqlite)
{
    /// <summary>SQLite's migration history predates the agency list; PostgreSQL's starts with it.</summary>
    [Fact]
    public async Task Upgrading_a_database_keeps_every_dossiers_agency_and_adds_the_agency_list()
    {
        await using var old = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var version = await old.SeedProcedureAsync();
        var dossier = await old.SeedDossierAsync(version);
        await using (var scope = old.Scope())
        {
            // Back to the schema before agencies were data, with a dossier filed to the shared commune agency. Seeded
            // first: the seeding helpers use today's model, which later migrations gave columns the first schema lacks.
            await scope.Get<DvcDbContext>().GetService<IMigrator>().MigrateAsync("20261125084220_Initial");
        }

        await using (var connection = new SqliteConnection($"Data Source={old.FilePath}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE Dossiers SET AgencyCode = 'HN-UBND-XA' WHERE Id = $id";
            command.Parameters.AddWithValue("$id", dossier.Id.ToString().ToUpperInvariant());
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }

        await using var upgraded = old.Scope();
        await upgraded.Get<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
        var db = upgraded.Get<DvcDbContext>();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal("HN-UBND-XA", await db.Dossiers.Where(d => d.Id == dossier.Id).Select(d => d.AgencyCode).SingleAsync());
        Assert.Empty(await db.Agencies.ToListAsync());
    }
}

public sealed class AgencyStoreOnPostgresTests() : AgencyStoreTests(DatabaseProvider.Postgres);
