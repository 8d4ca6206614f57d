using Dvc.Engine.Core.Workflows;
using Dvc.Engine.Core.Workflows.Plugins;
using Dvc.Engine.Server.Hosting;
using Microsoft.Extensions.Options;

namespace Dvc.Engine.Server.Plugins;

/// <summary>
/// Builds the process's activity registry: the built-in activities plus every plugin found in <c>Dvc:PluginsPath</c>.
/// A plugin that fails to load stops the server at start, with the loader's diagnostics, rather than letting the
/// procedures that use its activities fail to compile one by one.
/// </summary>
internal static partial class PluginActivities
{
    public static ActivityRegistry CreateRegistry(IServiceProvider services)
    {
        var registry = ActivityRegistry.CreateDefault();
        var options = services.GetRequiredService<IOptions<DvcServerOptions>>().Value;
        if (string.IsNullOrWhiteSpace(options.PluginsPath))
        {
            return registry;
        }

        var folder = Path.GetFullPath(options.PluginsPath, services.GetRequiredService<IHostEnvironment>().ContentRootPath);
        var result = PluginLoader.LoadFrom(folder, registry);
        var errors = result.Diagnostics.Where(d => d.IsError).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"Plugins in '{folder}' could not be loaded:\n{string.Join('\n', errors)}");
        }

        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PluginActivities));
        foreach (var plugin in result.Plugins)
        {
            LogPluginLoaded(logger, plugin.Id, plugin.Version, folder);
        }

        return registry;
    }

    [LoggerMessage(EventId = 1200, Level = LogLevel.Information, Message = "Plugin {PluginId} {Version} loaded from {Folder}")]
    private static partial void LogPluginLoaded(ILogger logger, string pluginId, string version, string folder);
}
