using Dvc.Engine.Core.Calendar;
using Dvc.Engine.Core.Definitions;
using Dvc.Engine.Core.Workflows;
using Dvc.Engine.Persistence;
using Dvc.Engine.Server.Accounts;
using Dvc.Engine.Server.Catalog;
using Dvc.Engine.Server.Designer;
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
        StandInIdentityProvider.StartIfAsked(builder);
        services.AddOptions<DvcServerOptions>().BindConfiguration(DvcServerOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<UploadOptions>().BindConfiguration(UploadOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SubmissionOptions>().BindConfiguration(SubmissionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ThrottlingOptions>().BindConfiguration(ThrottlingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddDvcRateLimiting();
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
        var development = builder.Environment.IsDevelopment();
        services.Configure<CookiePolicyOptions>(o => o.Secure = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always);

        // Plugins are chosen by configuration and add their services now; their activities join the registry.
        var plugins = PluginCatalog.Load(builder.Configuration, builder.Environment.ContentRootPath);
        services.AddSingleton(plugins);
        services.AddDvcPluginHost();
        plugins.ConfigureServices(services, builder.Configuration);

        // Core: one compiler (and its rules engine) for the process; the calendar is pure.
        services.AddSingleton(sp => sp.GetRequiredService<PluginCatalog>().CreateRegistry(sp));
        services.AddSingleton(sp => new ProcedureCompiler(activities: sp.GetRequiredService<ActivityRegistry>()));
        services.AddOptions<WorkingCalendarOptions>().BindConfiguration(WorkingCalendarOptions.Section);
        services.AddSingleton(sp => new WorkingCalendar(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<WorkingCalendarOptions>>().Value));
        services.AddSingleton<Sdk.IWorkingCalendar>(sp => sp.GetRequiredService<WorkingCalendar>());

        services.AddSingleton<IAdministrativeUnits, AdministrativeUnits>();
        services.AddSingleton<FormSchemaReader>();
        services.AddSingleton<FormPostReader>();
        services.AddSingleton<ProcedureCatalog>();
        services.AddSingleton<Agencies.AgencyCatalog>();
        services.AddScoped<DefinitionImporter>();
        services.AddSingleton<FileStore>();
        services.AddSingleton<DraftStore>();
        services.AddSingleton<KeptUploads>();
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
        if (builder.Environment.IsDevelopment() && builder.Configuration.GetValue<bool>($"{DevelopmentPeers.Section}:Enabled"))
        {
            services.AddHostedService<DevelopmentPeers>();
        }

        services.AddScoped<DossierService>();
        services.AddScoped<TaskInbox>();
        services.AddScoped<StatisticsService>();
        services.AddScoped<DemoAccounts>();
        services.AddDesignerHost();
        return builder;
    }

    /// <summary>What plugins reach of the host (the SDK's hosting contracts) and the outbox's dossier-event subscriptions.</summary>
    private static IServiceCollection AddDvcPluginHost(this IServiceCollection services)
    {
        services.AddScoped<PluginRecords>();
        services.AddScoped<Sdk.Hosting.IPluginRecords>(sp => sp.GetRequiredService<PluginRecords>());
        services.AddScoped<Sdk.Hosting.IDossierHost, DossierHost>();
        services.AddScoped<Sdk.Hosting.IOutbox, PluginOutbox>();
        services.AddSingleton<DossierEventFanOut>();
        services.ConfigureDbContext<DvcDbContext>((sp, options) => options.AddInterceptors(sp.GetRequiredService<DossierEventFanOut>()));
        return services;
    }

    public static WebApplication UseDvcServer(this WebApplication app)
    {
        // First, so error answers and status pages (which run outside the inner pipeline) speak the request's language
        // and carry the security headers.
        app.UseRequestLocalization();
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        // API answers bare status codes as ProblemDetails; pages show a page.
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), pages => pages.UseStatusCodePagesWithReExecute("/status/{0}"));
        // Every cookie the server sets (session, antiforgery, language, known device) is Secure outside Development.
        app.UseCookiePolicy();
        app.UseCrossSiteRequestGuard();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
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
        app.MapDesigner();
        app.MapPluginRoutes();
        return app;
    }
}
