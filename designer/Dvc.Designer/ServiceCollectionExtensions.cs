using Dvc.Designer.Frame;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Dvc.Designer;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// The designer's own services. The host registers the seams it implements: <see cref="Access.IDesignerAccess"/>,
    /// <see cref="Drafts.IProcedureDrafts"/>, <see cref="Problems.IProcedureChecker"/> and <see cref="Versions.IProcedurePublisher"/>.
    /// </summary>
    public static IServiceCollection AddDvcDesigner(this IServiceCollection services)
    {
        services.AddMudServices();
        services.AddScoped<DesignerSession>();
        services.AddScoped<TextView.DesignerScripts>();
        return services;
    }
}
