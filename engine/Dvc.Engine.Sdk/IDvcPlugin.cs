namespace Dvc.Engine.Sdk;

/// <summary>
/// The entry point of a plugin assembly. The engine finds every public non-abstract implementation with a
/// parameterless constructor in the assemblies of its plugin folder, and calls <see cref="Register"/> once.
/// </summary>
public interface IDvcPlugin
{
    /// <summary>Who the plugin is: id, name, version, description, dependencies.</summary>
    PluginManifest Manifest { get; }

    /// <summary>Adds the plugin's activities.</summary>
    /// <param name="registrar">Where to add them.</param>
    void Register(IActivityRegistrar registrar);
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
