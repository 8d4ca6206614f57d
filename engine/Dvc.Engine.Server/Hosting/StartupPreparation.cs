using Dvc.Engine.Persistence;
using Dvc.Engine.Server.Accounts;
using Dvc.Engine.Server.Catalog;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Dvc.Engine.Server.Hosting;

/// <summary>Runs before the server accepts requests: database, definitions, demo accounts, then the banner.</summary>
public static partial class StartupPreparation
{
    public static async Task PrepareDvcAsync(this WebApplication app, CancellationToken ct = default)
    {
        var options = app.Services.GetRequiredService<IOptions<DvcServerOptions>>().Value;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Dvc.Engine.Server.Startup");
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;

        await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(ct);
        await services.GetRequiredService<AccountService>().EnsureRolesAsync();

        var definitions = DefinitionsLocator.Locate(options.DefinitionsPath, app.Environment.ContentRootPath);
        if (definitions is null)
        {
            LogNoDefinitions(logger, options.DefinitionsPath, app.Environment.ContentRootPath);
            await services.GetRequiredService<Agencies.AgencyCatalog>().ReloadAsync(ct);
        }
        else
        {
            await services.GetRequiredService<DefinitionImporter>().ImportAsync(definitions, ct);
        }

        // Dossiers filed under an older version keep it, even after definitions/ changed.
        await services.GetRequiredService<DefinitionImporter>().RestorePinnedVersionsAsync(ct);

        IReadOnlyList<DemoAccount> demo = [];
        if (options.SeedDemoAccounts && app.Environment.IsDevelopment())
        {
            demo = await services.GetRequiredService<DemoAccounts>().EnsureAsync();
        }

        app.Lifetime.ApplicationStarted.Register(() => PrintBanner(app, demo));
    }

    private static void PrintBanner(WebApplication app, IReadOnlyList<DemoAccount> demo)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var catalog = app.Services.GetRequiredService<ProcedureCatalog>();
        var lines = new List<string>
        {
            "",
            "  Dvc.Engine — Cổng dịch vụ công / public service portal",
            $"  Procedures served: {catalog.Count}",
        };
        lines.AddRange(addresses.Select(a => $"  Portal:  {a}/      API reference: {a}/scalar      Health: {a}/health"));
        if (demo.Count > 0)
        {
            lines.Add("  Demo accounts (Development only):");
            var agencies = app.Services.GetRequiredService<Agencies.AgencyCatalog>();
            lines.AddRange(demo.Select(d => $"    {d.Role,-12} {d.Email,-40} {d.Password}{(d.AgencyCode is null ? "" : $"   {d.AgencyCode} ({agencies.Name(d.AgencyCode).Vi})")}"));
        }

        lines.Add("");
        Console.WriteLine(string.Join(Environment.NewLine, lines));
    }

    [LoggerMessage(EventId = 5300, Level = LogLevel.Warning, Message = "No definitions folder found (setting '{Configured}', content root {ContentRoot}); the catalog is empty")]
    private static partial void LogNoDefinitions(ILogger logger, string configured, string contentRoot);
}
