using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Dvc.Engine.Sdk;

/// <summary>
/// The entry point of a plugin assembly. The engine finds every public non-abstract implementation with a
/// parameterless constructor in the assemblies it is told to load (<c>Dvc:Plugins</c> by name, or every assembly of
/// <c>Dvc:PluginsPath</c>), calls <see cref="ConfigureServices"/> while the host is built and <see cref="Register"/>
/// once when its activity registry is created.
/// </summary>
public interface IDvcPlugin
{
    /// <summary>Who the plugin is: id, name, version, description, dependencies.</summary>
    PluginManifest Manifest { get; }

    /// <summary>Adds the plugin's activities.</summary>
    /// <param name="registrar">Where to add them.</param>
    void Register(IActivityRegistrar registrar);

    /// <summary>
    /// Adds the plugin's services to the host (its options from <c>Plugins:&lt;Name&gt;</c>, gateways, outbox deliveries,
    /// HTTP routes through <see cref="Hosting.IPluginRoutes{TRouteBuilder}"/>). Called once, before the host is built;
    /// hosts without services (the <c>dvc</c> command line) never call it, so activities must work without them.
    /// </summary>
    /// <param name="services">The host's service collection.</param>
    /// <param name="configuration">The host's whole configuration; bind your own section.</param>
    void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
    }
}

/// <summary>A plugin's identity, as data.</summary>
/// <param name="Id">Stable id, e.g. <c>Dvc.Plugins.Payments</c>.</param>
/// <param name="Name">Display name.</param>
/// <param name="Version">Semantic version.</param>
/// <param name="Description">What the plugin adds.</param>
/// <param name="Dependencies">Ids of plugins it needs.</param>
public sealed record PluginManifest(string Id, string Name, string Version, string? Description = null, IReadOnlyList<string>? Dependencies = null);

/// <summary>Receives a plugin's activities.</summary>
public interface IActivityRegistrar
{
    /// <summary>Registers an activity class; its descriptor is derived from its attributes.</summary>
    /// <typeparam name="TActivity">The activity class.</typeparam>
    void Add<TActivity>()
        where TActivity : ActivityBase, new();
}
