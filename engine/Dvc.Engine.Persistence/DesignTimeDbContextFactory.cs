using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.DependencyInjection;

namespace Dvc.Engine.Persistence;

/// <summary>
/// Lets <c>dotnet ef</c> build the SQLite model without a host, with the same Identity schema version that
/// <see cref="ServiceCollectionExtensions.AddDvcPersistence"/> pins at run time.
/// </summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<DvcDbContext>
{
    public DvcDbContext CreateDbContext(string[] args)
    {
        var services = new ServiceCollection();
        services.AddOptions<IdentityOptions>().PostConfigure(options => options.Stores.SchemaVersion = DvcDbContext.IdentitySchemaVersion);
        var options = new DbContextOptionsBuilder<DvcDbContext>();
        ServiceCollectionExtensions.ConfigureSqlite(options, "Data Source=design-time.db");
        options.UseApplicationServiceProvider(services.BuildServiceProvider());
        return new DvcDbContext(options.Options);
    }
}
