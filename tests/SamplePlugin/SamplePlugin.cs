using Dvc.Engine.Sdk;

namespace SamplePlugin;

/// <summary>The plugin's entry point: its manifest and its one activity.</summary>
public sealed class SamplePlugin : IDvcPlugin
{
    public PluginManifest Manifest { get; } = new("Sample.Plugin", "Sample plugin", "1.0.0", "Stamps dossiers; used by the engine's plugin tests.");

    public void Register(IActivityRegistrar registrar) => registrar.Add<Stamp>();
}
