using Dvc.Engine.Persistence.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dvc.Engine.Persistence.Tests;

public abstract class DatabaseInitializerTests(DatabaseProvider provider) : IAsyncLifetime
{
    protected TestDatabase Database { get; private set; } = null!;

    public async Task InitializeAsync() => Database = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await Database.DisposeAsync();

    [Fact]
    public async Task Migrations_apply_to_an_empty_database_and_leave_nothing_pending()
    {
        await using var scope = Database.Scope();
        var db = scope.Get<DvcDbContext>();

        var applied = await db.Database.GetAppliedMigrationsAsync();
        var pending = await db.Database.GetPendingMigrationsAsync();

        Assert.Contains(applied, m => m.EndsWith("_Initial", StringComparison.Ordinal));
        Assert.Empty(pending);
    }

    [Fact]
    public async Task The_migrated_schema_matches_the_model()
    {
        await using var scope = Database.Scope();
        var db = scope.Get<DvcDbContext>();

        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public async Task A_host_choosing_another_Identity_schema_version_still_matches_the_migrations()
    {
        await using var other = await TestDatabase.CreateAsync(provider, services =>
            services.AddIdentityCore<DvcUser>(options => options.Stores.SchemaVersion = IdentitySchemaVersions.Version3));
        await using var scope = other.Scope();

        var db = scope.Get<DvcDbContext>();

        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public async Task Running_the_initializer_again_is_harmless()
    {
        await using var scope = Database.Scope();

        await scope.Get<DatabaseInitializer>().InitializeAsync(CancellationToken.None);

        Assert.Empty(await scope.Get<DvcDbContext>().Database.GetPendingMigrationsAsync());
    }

    [Theory]
    [InlineData("Agencies")]
    [InlineData("Dossiers")]
    [InlineData("DossierEvents")]
    [InlineData("DossierAttachments")]
    [InlineData("IdempotencyRecords")]
    [InlineData("ProcedureVersions")]
    [InlineData("WorkflowInstances")]
    [InlineData("Bookmarks")]
    [InlineData("HumanTasks")]
    [InlineData("Timers")]
    [InlineData("OutboxMessages")]
    [InlineData("Feedback")]
    [InlineData("AspNetUsers")]
    [InlineData("DataProtectionKeys")]
    public async Task Every_table_exists_after_migrating(string table)
    {
        await using var scope = Database.Scope();
        var db = scope.Get<DvcDbContext>();

        // Both providers read a quoted name the same way; a missing table is an error, not zero rows.
        var sql = "SELECT count(*) AS \"Value\" FROM \"" + table + "\"";
        var rows = await db.Database.SqlQueryRaw<int>(sql).SingleAsync();

        Assert.Equal(0, rows);
    }
}

public sealed class DatabaseInitializerOnSqliteTests() : DatabaseInitializerTests(DatabaseProvider.Sqlite)
{
    [Fact]
    public void The_database_is_a_file()
    {
        Assert.True(File.Exists(Database.FilePath));
    }

    [Fact]
    public async Task The_database_runs_in_write_ahead_log_mode()
    {
        await using var connection = new SqliteConnection($"Data Source={Database.FilePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";

        var mode = (string)(await command.ExecuteScalarAsync())!;

        Assert.Equal("wal", mode);
    }
}

public sealed class DatabaseInitializerOnPostgresTests() : DatabaseInitializerTests(DatabaseProvider.Postgres);
