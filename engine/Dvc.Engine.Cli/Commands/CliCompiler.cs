using System.CommandLine;
using Dvc.Engine.Core.Definitions;
using Dvc.Engine.Core.Definitions.Testing;
using Dvc.Engine.Core.Workflows;
using Dvc.Engine.Core.Workflows.Plugins;

namespace Dvc.Engine.Cli.Commands;

/// <summary>The one place the CLI builds its compiler, activity registry (with <c>--plugins</c>) and test runner.</summary>
internal static class CliCompiler
{
    /// <summary>A new <c>--plugins</c> option: each command that compiles workflows adds one.</summary>
    public static Option<string?> PluginsOption() => new("--plugins")
    {
        Description = "A folder of plugin assemblies whose workflow activities the procedures may use (as the server's Dvc:PluginsPath).",
    };

    /// <summary>The built-in activities plus the plugins in <paramref name="pluginsFolder"/>; null when a plugin failed to load (its diagnostics are printed).</summary>
    public static ActivityRegistry? Activities(string? pluginsFolder, TextWriter output)
    {
        var registry = ActivityRegistry.CreateDefault();
        if (pluginsFolder is null)
        {
            return registry;
        }

        var result = PluginLoader.LoadFrom(pluginsFolder, registry);
        foreach (var diagnostic in result.Diagnostics)
        {
            output.WriteLine(diagnostic.ToString());
        }

        return result.Diagnostics.Any(d => d.IsError) ? null : registry;
    }

    public static ProcedureCompiler Create(ActivityRegistry? activities = null) => new(new ProcedureCompilerOptions(), activities);

    public static ProcedureTestRunner CreateTestRunner() => new();
}
