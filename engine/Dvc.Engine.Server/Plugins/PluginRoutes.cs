using Dvc.Engine.Sdk.Hosting;

namespace Dvc.Engine.Server.Plugins;

internal static class PluginRoutes
{
    /// <summary>Maps every plugin's routes (<see cref="IPluginRoutes{TRouteBuilder}"/>), after the server's own.</summary>
    public static IEndpointRouteBuilder MapPluginRoutes(this IEndpointRouteBuilder routes)
    {
        foreach (var plugin in routes.ServiceProvider.GetServices<IPluginRoutes<IEndpointRouteBuilder>>())
        {
            plugin.MapRoutes(routes);
        }

        return routes;
    }
}
