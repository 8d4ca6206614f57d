using Dvc.Engine.Server.Endpoints;
using Dvc.Engine.Server.Errors;
using Dvc.Engine.Server.Hosting;
using Dvc.Engine.Server.Localization;
using Scalar.AspNetCore;

namespace Dvc.Engine.Server;

/// <summary>The server's one registration entry: options, modules, middleware order and endpoints.</summary>
public static class ServiceCollectionExtensions
{
    public static WebApplicationBuilder AddDvcServer(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DvcServerOptions>().BindConfiguration(DvcServerOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<UploadOptions>().BindConfiguration(UploadOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(TimeProvider.System);

        services.AddDvcProblemDetails();
        services.AddPortalLocalization();
        services.AddOpenApi("v1");
        services.AddHealthChecks();
        services.AddRazorPages();
        services.AddAntiforgery();
        return builder;
    }

    public static WebApplication UseDvcServer(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRequestLocalization();
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
        app.MapDvcEndpoints();
        app.MapRazorPages();
        return app;
    }
}
