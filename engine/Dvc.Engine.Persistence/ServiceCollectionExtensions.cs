using Dvc.Engine.Persistence.Agencies;
using Dvc.Engine.Persistence.Dossiers;
using Dvc.Engine.Persistence.Idempotency;
using Dvc.Engine.Persistence.Outbox;
using Dvc.Engine.Persistence.Plugins;
using Dvc.Engine.Persistence.Postgres;
using Dvc.Engine.Persistence.Procedures;
using Dvc.Engine.Persistence.Tasks;
using Dvc.Engine.Persistence.Timers;
using Dvc.Engine.Persistence.Workflows;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dvc.Engine.Persistence;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="DvcDbContext"/> on SQLite (<c>Data Source=data/dvc.db</c>) or PostgreSQL (<c>Host=…</c>,
    /// see <see cref="DatabaseSetting"/>), the stores (scoped, like the context) and <see cref="DatabaseInitializer"/>.
    /// Uses the registered <see cref="TimeProvider"/>, or the system clock.
    /// </summary>
    public static IServiceCollection AddDvcPersistence(this IServiceCollection services, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);

        if (DatabaseSetting.ProviderOf(connectionString) == DatabaseProvider.Postgres)
        {
            services.AddDbContext<DvcDbContext, PostgresDvcDbContext>(options => ConfigurePostgres(options, connectionString));
        }
        else
        {
            services.AddDbContext<DvcDbContext>(options => ConfigureSqlite(options, connectionString));
        }

        services.AddOptions<IdentityOptions>().PostConfigure(options => options.Stores.SchemaVersion = DvcDbContext.IdentitySchemaVersion);
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<AgencyStore>();
        services.AddScoped<ProcedureVersionStore>();
        services.AddScoped<ProcedureDraftStore>();
        services.AddScoped<DossierStore>();
        services.AddScoped<WorkflowStore>();
        services.AddScoped<TaskStore>();
        services.AddScoped<TimerStore>();
        services.AddScoped<OutboxStore>();
        services.AddScoped<IdempotencyStore>();
        services.AddScoped<PluginRecordStore>();
        services.AddScoped<DatabaseInitializer>();
        return services;
    }

    internal static void ConfigureSqlite(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(typeof(DvcDbContext).Assembly.GetName().Name));

    internal static void ConfigurePostgres(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(typeof(DvcDbContext).Assembly.GetName().Name));
}
