using Microsoft.EntityFrameworkCore;

namespace Dvc.Engine.Persistence.Tests;

/// <summary>
/// A model change needs a migration for each provider. No database is opened: the model is compared with each
/// migration set's snapshot, so this fails at once, with the command that fixes it.
/// </summary>
public sealed class MigrationsTests
{
    [Fact]
    public void Every_model_change_has_a_SQLite_migration()
    {
        using var db = DesignTimeDbContextFactory.CreateSqlite();

        Assert.False(
            db.Database.HasPendingModelChanges(),
            "The model changed without a SQLite migration: dotnet tool run dotnet-ef migrations add <Name> "
            + "--project engine/Dvc.Engine.Persistence --context DvcDbContext --output-dir Migrations/Sqlite");
    }

    [Fact]
    public void Every_model_change_has_a_PostgreSQL_migration()
    {
        using var db = DesignTimeDbContextFactory.CreatePostgres();

        Assert.False(
            db.Database.HasPendingModelChanges(),
            "The model changed without a PostgreSQL migration: engine/Dvc.Engine.Persistence/Migrations/Postgres/regenerate");
    }

    [Fact]
    public void Each_provider_keeps_its_own_migrations()
    {
        using var sqlite = DesignTimeDbContextFactory.CreateSqlite();
        using var postgres = DesignTimeDbContextFactory.CreatePostgres();

        var sqliteMigrations = sqlite.Database.GetMigrations().ToList();
        var postgresMigrations = postgres.Database.GetMigrations().ToList();

        Assert.NotEmpty(sqliteMigrations);
        Assert.NotEmpty(postgresMigrations);
        Assert.Empty(sqliteMigrations.Intersect(postgresMigrations));
    }
}
