using System.Reflection;
using Dvc.Engine.Core.Workflows;
using Dvc.Engine.Core.Workflows.Plugins;
using Dvc.Engine.Sdk;

namespace Dvc.Engine.Server.Plugins;

/// <summary>
/// The plugins this process runs, chosen by configuration while the host is built: <c>Dvc:Plugins</c> names
/// assemblies the server ships with (the repository's plugins), <c>Dvc:PluginsPath</c> a folder of third-party ones,
/// each in its own load context. Every plugin adds its services at once and its activities to the registry. A plugin
/// that fails to load stops the server with the reason, rather than letting the procedures that use its activities
/// fail to compile one by one.
/// </summary>
internal sealed partial class PluginCatalog
{
    private readonly List<(IDvcPlugin Plugin, string Source)> _plugins = [];

    public IEnumerable<PluginManifest> Manifests => _plugins.Select(p => p.Plugin.Manifest);

    public static PluginCatalog Load(IConfiguration configuration, string contentRoot)
    {
        var catalog = new PluginCatalog();
        foreach (var name in configuration.GetSection($"{Hosting.DvcServerOptions.Section}:Plugins").Get<string[]>() ?? [])
        {
            Assembly assembly;
            try
            {
                assembly = Assembly.Load(new AssemblyName(name));
            }
            catch (Exception ex) when (ex is FileNotFoundException or FileLoadException or BadImageFormatException)
            {
                throw new InvalidOperationException($"Plugin assembly '{name}' (Dvc:Plugins) could not be loaded: {ex.Message}", ex);
            }

            catalog._plugins.AddRange(PluginLoader.FromAssembly(assembly).Select(p => (p, name)));
        }

        var path = configuration[$"{Hosting.DvcServerOptions.Section}:PluginsPath"];
        if (!string.IsNullOrWhiteSpace(path))
        {
            var folder = Path.GetFullPath(path, contentRoot);
            var (plugins, diagnostics) = PluginLoader.Discover(folder);
            var errors = diagnostics.Where(d => d.IsError).ToList();
            if (errors.Count > 0)
            {
                throw new InvalidOperationException($"Plugins in '{folder}' could not be loaded:\n{string.Join('\n', errors)}");
            }

            catalog._plugins.AddRange(plugins.Select(p => (p, folder)));
        }

        var twice = catalog._plugins.GroupBy(p => p.Plugin.Manifest.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            throw new InvalidOperationException($"Plugin '{twice.Key}' is loaded twice: from {string.Join(" and ", twice.Select(p => p.Source))}.");
        }

        return catalog;
    }

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        foreach (var (plugin, _) in _plugins)
        {
            plugin.ConfigureServices(services, configuration);
        }
    }

    /// <summary>The built-in activities plus every plugin's.</summary>
    public ActivityRegistry CreateRegistry(IServiceProvider services)
    {
        var registry = ActivityRegistry.CreateDefault();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger<PluginCatalog>();
        foreach (var (plugin, source) in _plugins)
        {
            registry.AddPlugin(plugin);
            LogPluginLoaded(logger, plugin.Manifest.Id, plugin.Manifest.Version, source);
        }

        return registry;
    }

    [LoggerMessage(EventId = 1200, Level = LogLevel.Information, Message = "Plugin {PluginId} {Version} loaded from {Source}")]
    private static partial void LogPluginLoaded(ILogger logger, string pluginId, string version, string source);
}
