namespace Dvc.Engine.Sdk.Hosting;

/// <summary>
/// A plugin's HTTP routes (a payment gateway's callbacks, a public verification page). Register an implementation in
/// <see cref="IDvcPlugin.ConfigureServices"/>; the ASP.NET Core server resolves every
/// <c>IPluginRoutes&lt;IEndpointRouteBuilder&gt;</c> and calls <see cref="MapRoutes"/> after its own routes, inside
/// its pipeline (localization, authentication, antiforgery). The type parameter keeps this SDK free of ASP.NET Core.
/// </summary>
/// <typeparam name="TRouteBuilder">The host's route builder: <c>Microsoft.AspNetCore.Routing.IEndpointRouteBuilder</c>.</typeparam>
public interface IPluginRoutes<in TRouteBuilder>
{
    /// <summary>Maps the plugin's routes.</summary>
    /// <param name="routes">The host's route builder.</param>
    void MapRoutes(TRouteBuilder routes);
}
