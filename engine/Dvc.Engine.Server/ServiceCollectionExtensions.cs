using Dvc.Engine.Core.Calendar;
using Dvc.Engine.Core.Definitions;
using Dvc.Engine.Core.Workflows;
using Dvc.Engine.Persistence;
using Dvc.Engine.Server.Accounts;
using Dvc.Engine.Server.Catalog;
using Dvc.Engine.Server.Dossiers;
using Dvc.Engine.Server.Endpoints;
using Dvc.Engine.Server.Errors;
using Dvc.Engine.Server.Forms;
using Dvc.Engine.Server.Hosting;
using Dvc.Engine.Server.Localization;
using Dvc.Engine.Server.Outbox;
using Dvc.Engine.Server.Plugins;
using Dvc.Engine.Server.Statistics;
using Dvc.Engine.Server.Storage;
using Dvc.Engine.Server.Tasks;
using Dvc.Engine.Server.Workflows;
using Microsoft.AspNetCore.DataProtection;
using Scalar.AspNetCore;

namespace Dvc.Engine.Server;

/// <summary>The server's one registration entry: options, modules, middleware order and endpoints.</summary>
public static class ServiceCollectionExtensions
{
    public static WebApplicationBuilder AddDvcServer(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        ServerAddress.UseDefaultUnlessConfigured(builder);
        services.AddOptions<DvcServerOptions>().BindConfiguration(DvcServerOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<UploadOptions>().BindConfiguration(UploadOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<FileStorageOptions>().BindConfiguration(FileStorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(TimeProvider.System);

        var database = builder.Configuration[$"{DvcServerOptions.Section}:Database"] ?? new DvcServerOptions().Database;
        services.AddDvcPersistence(DatabaseSetting.ToConnectionString(database, builder.Environment.ContentRootPath));
        services.AddHealthChecks().AddDbContextCheck<DvcDbContext>("database");

        // Cookie, antiforgery and designer-circuit keys live in the database, so sign-ins survive restarts and every node
        // reads the same key ring.
        services.AddDataProtection()
            .SetApplicationName("dvc-engine")
            .PersistKeysToDbContext<DvcDbContext>();

        services.AddDvcProblemDetails();
        services.AddPortalLocalization();
        services.AddDvcAccounts(builder.Configuration);
        services.AddOpenApi("v1");
        services.AddRazorPages();
        // Vietnamese text goes out as UTF-8 characters, not numeric entities (readable source, smaller pages).
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddAntiforgery();

        // Core: one compiler (and its rules engine) for the process; the calendar is pure.
        services.AddSingleton(PluginActivities.CreateRegistry);
        services.AddSingleton(sp => new ProcedureCompiler(activities: sp.GetRequiredService<ActivityRegistry>()));
        services.AddOptions<WorkingCalendarOptions>().BindConfiguration(WorkingCalendarOptions.Section);
        services.AddSingleton(sp => new WorkingCalendar(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<WorkingCalendarOptions>>().Value));

        services.AddSingleton<IAdministrativeUnits, AdministrativeUnits>();
        services.AddSingleton<FormSchemaReader>();
        services.AddSingleton<FormPostReader>();
        services.AddSingleton<ProcedureCatalog>();
        services.AddSingleton<Agencies.AgencyCatalog>();
        services.AddScoped<DefinitionImporter>();
        services.AddSingleton<FileStore>();
        services.AddSingleton<DraftStore>();
        services.AddSingleton<KeptUploads>();
        services.AddSingleton<IdempotencyStore>();
        services.AddScoped<DossierResults>();
        services.AddScoped<DossierTimeline>();
        services.AddScoped<ElsaDossierWorkflow>();
        services.AddScoped<IDossierWorkflow>(sp => sp.GetRequiredService<ElsaDossierWorkflow>());
        services.AddOptions<BackgroundDispatchOptions>().BindConfiguration(BackgroundDispatchOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<WorkflowTimers>();
        services.AddSingleton(sp => new OverdueDetector(sp.GetRequiredService<WorkingCalendar>()));
        services.AddScoped<OverdueDossiers>();
        services.AddScoped<IOutboxHandler, LocalNotificationHandler>();
        services.AddScoped<IOutboxHandler, LocalPortalSyncHandler>();
        services.AddScoped<IOutboxHandler, LocalAccountEmailHandler>();
        services.AddScoped<OutboxDispatcher>();
        services.AddHostedService<BackgroundDispatchService>();
        services.AddScoped<DossierService>();
        services.AddScoped<TaskInbox>();
        services.AddScoped<StatisticsService>();
        services.AddScoped<DemoAccounts>();
        return builder;
    }

    public static WebApplication UseDvcServer(this WebApplication app)
    {
        // First, so error answers and status pages (which run outside the inner pipeline) speak the request's language.
        app.UseRequestLocalization();
        app.UseExceptionHandler();
        // API answers bare status codes as ProblemDetails; pages show a page.
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), pages => pages.UseStatusCodePagesWithReExecute("/status/{0}"));
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapDvcServer(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference("/scalar", options => options.WithTitle("Dvc.Engine API"));
        app.MapHealthChecks("/health");
        app.MapCultureSwitch();
        app.MapDvcEndpoints();
        app.MapRazorPages();
        return app;
    }
}
