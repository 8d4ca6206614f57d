using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dvc.Engine.Core.Definitions;

/// <summary>
/// The default <see cref="IWorkflowPartCompiler"/> until the workflow compiler is wired in: the part must be a JSON object
/// with a <c>root</c> activity object that has a <c>type</c>. The compiled object is the parsed <see cref="JsonObject"/>.
/// </summary>
public sealed class JsonShapeWorkflowPartCompiler : IWorkflowPartCompiler
{
    public WorkflowPartCompilation Compile(ReadOnlyMemory<byte> json, string file, IReadOnlySet<string> roles)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json.Span, documentOptions: new JsonDocumentOptions { MaxDepth = 128, CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            var diagnostic = CatalogFiles.MalformedJson(file, ex);
            return new WorkflowPartCompilation([diagnostic with { Code = DefinitionDiagnostics.WorkflowInvalid }], null);
        }

        var map = JsonLineMap.Build(json.Span);
        if (root is not JsonObject definition)
        {
            return Fail(file, map, string.Empty, "The workflow must be a JSON object (an Elsa 3 workflow definition).");
        }

        if (definition["root"] is not JsonObject activity)
        {
            return Fail(file, map, string.Empty, "The workflow has no \"root\" activity; an Elsa 3 definition has \"root\": { \"type\": \"Elsa.Flowchart\", … }.");
        }

        if (activity["type"] is not JsonValue type || !type.TryGetValue<string>(out var typeName) || typeName.Length == 0)
        {
            return Fail(file, map, "/root", "The workflow's root activity has no \"type\".");
        }

        return new WorkflowPartCompilation([], definition);
    }

    private static WorkflowPartCompilation Fail(string file, JsonLineMap map, string pointer, string message)
    {
        var (line, column) = map.Find(pointer);
        return new WorkflowPartCompilation([new Diagnostic(DefinitionDiagnostics.WorkflowInvalid, DiagnosticSeverity.Error, message, file, pointer, line, column)], null);
    }
}
