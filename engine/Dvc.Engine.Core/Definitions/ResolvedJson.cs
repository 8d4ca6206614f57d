using System.Text.Json.Nodes;

namespace Dvc.Engine.Core.Definitions;

/// <summary>A JSON part after file <c>$ref</c>s were inlined, with the map back to its origins.</summary>
internal sealed record ResolvedJson(string File, JsonNode? Root, SourceMap Map)
{
    public SourceLocation Locate(string pointer) => Map.Locate(pointer);
}
