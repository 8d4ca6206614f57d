using Dvc.Designer;
using Dvc.Designer.Access;
using Dvc.Designer.Drafts;
using Dvc.Designer.Problems;
using Dvc.Designer.Versions;
using Dvc.Engine.Server.Accounts;

namespace Dvc.Engine.Server.Designer;

/// <summary>Mounts the designer (Blazor, interactive server) at /designer and registers the services it calls.</summary>
internal static class DesignerSetup
{
    public static IServiceCollection AddDesignerHost(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddDvcDesigner();
        services.AddSingleton<IDesignerAccess, DesignerAccess>();
        services.AddSingleton<DraftWorkspace>();
        services.AddSingleton<DesignerDrafts>();
        services.AddSingleton<IProcedureDrafts>(sp => sp.GetRequiredService<DesignerDrafts>());
        services.AddSingleton<DesignerChecker>();
        services.AddSingleton<IProcedureChecker>(sp => sp.GetRequiredService<DesignerChecker>());
        services.AddSingleton<IProcedurePublisher, DesignerPublisher>();
        return services;
    }

    public static WebApplication MapDesigner(this WebApplication app)
    {
        // blazor.web.js and the designer's static files (MudBlazor, the ClientLib bundle) are static web assets.
        app.MapStaticAssets();
        app.MapDesignerEndpoints();
        app.MapRazorComponents<DesignerApp>()
            .AddInteractiveServerRenderMode()
            .RequireAuthorization(DvcPolicies.AgencyAdmin);
        return app;
    }
}
