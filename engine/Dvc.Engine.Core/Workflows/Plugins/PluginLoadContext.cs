using System.Reflection;
using System.Runtime.Loader;

namespace Dvc.Engine.Core.Workflows.Plugins;

/// <summary>
/// Loads one plugin folder in isolation. The SDK (and anything the host already has) comes from the default
/// context, so <c>IDvcPlugin</c> and <c>ActivityBase</c> are the same types on both sides; the plugin's own
/// dependencies are resolved from its folder.
/// </summary>
internal sealed class PluginLoadContext(string mainAssemblyPath) : AssemblyLoadContext(Path.GetFileNameWithoutExtension(mainAssemblyPath), isCollectible: false)
{
    private readonly AssemblyDependencyResolver _resolver = new(mainAssemblyPath);
    private readonly string _folder = Path.GetDirectoryName(mainAssemblyPath)!;

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (IsShared(assemblyName))
        {
            return null;
        }

        var path = _resolver.ResolveAssemblyToPath(assemblyName);
        if (path is null)
        {
            var candidate = Path.Combine(_folder, assemblyName.Name + ".dll");
            path = File.Exists(candidate) ? candidate : null;
        }

        return path is null ? null : LoadFromAssemblyPath(path);
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        var path = _resolver.ResolveUnmanagedDllToPath(unmanagedDllName);
        return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
    }

    /// <summary>The SDK and every assembly the host already loaded are shared, never loaded twice.</summary>
    private static bool IsShared(AssemblyName name) =>
        name.Name == typeof(Sdk.IDvcPlugin).Assembly.GetName().Name
        || Default.Assemblies.Any(a => AssemblyName.ReferenceMatchesDefinition(a.GetName(), name));
}
