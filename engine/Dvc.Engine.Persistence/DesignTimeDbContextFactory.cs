using Dvc.Engine.Persistence.Postgres;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.DependencyInjection;

namespace Dvc.Engine.Persistence;

/// <summary>
/// Lets <c>dotnet ef</c> build the model for each provider without a host or a server, with the same Identity schema
/// version that <see cref="ServiceCollectionExtensions.AddDvcPersistence"/> pins at run time. <c>--context</c> picks
/// the provider: <see cref="DvcDbContext"/> is SQLite, <see cref="PostgresDvcDbContext"/> PostgreSQL.
/// </summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<DvcDbContext>, IDesignTimeDbContextFactory<PostgresDvcDbContext>
{
    public DvcDbContext CreateDbContext(string[] args) => CreateSqlite();

    PostgresDvcDbContext IDesignTimeDbContextFactory<PostgresDvcDbContext>.CreateDbContext(string[] args) => CreatePostgres();

    /// <summary>The SQLite model, as migrations see it (no file is opened).</summary>
    internal static DvcDbContext CreateSqlite()
    {
        var options = new DbContextOptionsBuilder<DvcDbContext>();
        ServiceCollectionExtensions.ConfigureSqlite(options, "Data Source=design-time.db");
        return new DvcDbContext(WithIdentitySchema(options).Options);
    }

    /// <summary>The PostgreSQL model, as migrations see it (no server is contacted).</summary>
    internal static PostgresDvcDbContext CreatePostgres()
    {
        var options = new DbContextOptionsBuilder<PostgresDvcDbContext>();
        ServiceCollectionExtensions.ConfigurePostgres(options, "Host=localhost;Database=design-time");
        return new PostgresDvcDbContext(WithIdentitySchema(options).Options);
    }

    private static DbContextOptionsBuilder<TContext> WithIdentitySchema<TContext>(DbContextOptionsBuilder<TContext> options)
        where TContext : DbContext
    {
        var services = new ServiceCollection();
        services.AddOptions<IdentityOptions>().PostConfigure(o => o.Stores.SchemaVersion = DvcDbContext.IdentitySchemaVersion);
        options.UseApplicationServiceProvider(services.BuildServiceProvider());
        return options;
    }
}
