using System.Reflection;
using Dvc.Engine.Core.Definitions;
using Dvc.Engine.Sdk;

namespace Dvc.Engine.Core.Workflows.Plugins;

/// <summary>
/// Discovers plugins in a folder: every <c>*.dll</c> directly in it or one level down (<c>plugins/&lt;Name&gt;/&lt;Name&gt;.dll</c>)
/// is loaded into its own <see cref="System.Runtime.Loader.AssemblyLoadContext"/>, and each public
/// <see cref="IDvcPlugin"/> with a parameterless constructor is created and added to the registry. A plugin that
/// fails is reported and skipped; the others still load.
/// </summary>
public static class PluginLoader
{
    /// <summary>Loads the folder's plugins into <paramref name="registry"/>.</summary>
    public static PluginLoadResult LoadFrom(string folder, ActivityRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var plugins = new List<PluginManifest>();
        var diagnostics = new List<Diagnostic>();
        if (!Directory.Exists(folder))
        {
            return new PluginLoadResult(plugins, diagnostics);
        }

        var sdkName = typeof(IDvcPlugin).Assembly.GetName().Name + ".dll";
        var files = Directory.EnumerateFiles(folder, "*.dll", SearchOption.TopDirectoryOnly)
            .Concat(Directory.EnumerateDirectories(folder).SelectMany(d => Directory.EnumerateFiles(d, "*.dll", SearchOption.TopDirectoryOnly)))
            .Where(f => !string.Equals(Path.GetFileName(f), sdkName, StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            try
            {
                var context = new PluginLoadContext(Path.GetFullPath(file));
                var assembly = context.LoadFromAssemblyPath(Path.GetFullPath(file));
                foreach (var type in ExportedTypes(assembly).Where(IsPluginType))
                {
                    var plugin = (IDvcPlugin)Activator.CreateInstance(type)!;
                    registry.AddPlugin(plugin);
                    plugins.Add(plugin.Manifest);
                }
            }
            catch (Exception ex) when (ex is BadImageFormatException or FileLoadException or FileNotFoundException or TypeLoadException
                or ReflectionTypeLoadException or TargetInvocationException or MissingMethodException or ArgumentException or InvalidOperationException)
            {
                diagnostics.Add(new Diagnostic(WorkflowDiagnostics.PluginLoadFailed, DiagnosticSeverity.Error, $"Plugin '{Path.GetFileName(file)}' could not be loaded: {ex.Message}", file));
            }
        }

        return new PluginLoadResult(plugins, diagnostics);
    }

    private static IEnumerable<Type> ExportedTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetExportedTypes();
        }
        catch (ReflectionTypeLoadException ex)
        {
            return ex.Types.OfType<Type>();
        }
    }

    private static bool IsPluginType(Type type) =>
        type is { IsClass: true, IsAbstract: false } && typeof(IDvcPlugin).IsAssignableFrom(type) && type.GetConstructor(Type.EmptyTypes) is not null;
}

/// <summary>The plugins that loaded and the ones that did not.</summary>
public sealed record PluginLoadResult(IReadOnlyList<PluginManifest> Plugins, IReadOnlyList<Diagnostic> Diagnostics);
