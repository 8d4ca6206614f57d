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
        var (plugins, diagnostics) = Discover(folder);
        foreach (var plugin in plugins)
        {
            registry.AddPlugin(plugin);
        }

        return new PluginLoadResult([.. plugins.Select(p => p.Manifest)], diagnostics);
    }

    /// <summary>
    /// Creates the plugins of an assembly the host already references (the server's <c>Dvc:Plugins</c> list): every
    /// public <see cref="IDvcPlugin"/> with a parameterless constructor.
    /// </summary>
    public static IReadOnlyList<IDvcPlugin> FromAssembly(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return [.. ExportedTypes(assembly).Where(IsPluginType).Select(type => (IDvcPlugin)Activator.CreateInstance(type)!)];
    }

    /// <summary>Creates the plugins of a folder, each assembly in its own load context, without registering them.</summary>
    public static (IReadOnlyList<IDvcPlugin> Plugins, IReadOnlyList<Diagnostic> Diagnostics) Discover(string folder)
    {
        var plugins = new List<IDvcPlugin>();
        var diagnostics = new List<Diagnostic>();
        if (!Directory.Exists(folder))
        {
            return (plugins, diagnostics);
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
                plugins.AddRange(FromAssembly(assembly));
            }
            catch (Exception ex) when (ex is BadImageFormatException or FileLoadException or FileNotFoundException or TypeLoadException
                or ReflectionTypeLoadException or TargetInvocationException or MissingMethodException or ArgumentException or InvalidOperationException)
            {
                diagnostics.Add(new Diagnostic(WorkflowDiagnostics.PluginLoadFailed, DiagnosticSeverity.Error, $"Plugin '{Path.GetFileName(file)}' could not be loaded: {ex.Message}", file));
            }
        }

        return (plugins, diagnostics);
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
