using Dvc.Engine.Persistence.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;

namespace Dvc.Engine.Persistence.Tests;

public sealed class DatabaseInitializerTests : IAsyncLifetime
{
    private SqliteDatabase database = null!;

    public async Task InitializeAsync() => database = await SqliteDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task Migrations_apply_to_an_empty_file_and_leave_nothing_pending()
    {
        await using var scope = database.Scope();
        var db = scope.Get<DvcDbContext>();

        var applied = await db.Database.GetAppliedMigrationsAsync();
        var pending = await db.Database.GetPendingMigrationsAsync();

        Assert.Contains(applied, m => m.EndsWith("_Initial", StringComparison.Ordinal));
        Assert.Empty(pending);
        Assert.True(File.Exists(database.FilePath));
    }

    [Fact]
    public async Task The_migrated_schema_matches_the_model()
    {
        await using var scope = database.Scope();
        var db = scope.Get<DvcDbContext>();

        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public async Task A_host_choosing_another_Identity_schema_version_still_matches_the_migrations()
    {
        await using var other = await SqliteDatabase.CreateAsync(services =>
            services.AddIdentityCore<DvcUser>(options => options.Stores.SchemaVersion = IdentitySchemaVersions.Version3));
        await using var scope = other.Scope();

        var db = scope.Get<DvcDbContext>();

        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public async Task Running_the_initializer_again_is_harmless()
    {
        await using var scope = database.Scope();

        await scope.Get<DatabaseInitializer>().InitializeAsync(CancellationToken.None);

        Assert.Empty(await scope.Get<DvcDbContext>().Database.GetPendingMigrationsAsync());
    }

    [Theory]
    [InlineData("Agencies")]
    [InlineData("Dossiers")]
    [InlineData("DossierEvents")]
    [InlineData("DossierAttachments")]
    [InlineData("DossierCodeCounters")]
    [InlineData("ProcedureVersions")]
    [InlineData("WorkflowInstances")]
    [InlineData("Bookmarks")]
    [InlineData("HumanTasks")]
    [InlineData("Timers")]
    [InlineData("OutboxMessages")]
    [InlineData("Feedback")]
    [InlineData("AspNetUsers")]
    public async Task Every_table_exists_after_migrating(string table)
    {
        await using var connection = new SqliteConnection($"Data Source={database.FilePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = $name";
        command.Parameters.AddWithValue("$name", table);

        var count = (long)(await command.ExecuteScalarAsync())!;

        Assert.Equal(1, count);
    }

    [Fact]
    public async Task The_database_runs_in_write_ahead_log_mode()
    {
        await using var connection = new SqliteConnection($"Data Source={database.FilePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";

        var mode = (string)(await command.ExecuteScalarAsync())!;

        Assert.Equal("wal", mode);
    }
}
