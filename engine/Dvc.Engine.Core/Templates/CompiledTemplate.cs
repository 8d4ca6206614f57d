using Scriban;

namespace Dvc.Engine.Core.Templates;

/// <summary>A template parsed once at compile time; rendering reuses the parsed tree.</summary>
public sealed class CompiledTemplate
{
    internal CompiledTemplate(string name, string file, Template template)
    {
        Name = name;
        File = file;
        Parsed = template;
    }

    public string Name { get; }

    /// <summary>File relative to the catalog root.</summary>
    public string File { get; }

    internal Template Parsed { get; }
}
