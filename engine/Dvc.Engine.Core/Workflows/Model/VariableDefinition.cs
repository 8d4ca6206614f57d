using System.Text.Json.Nodes;

namespace Dvc.Engine.Core.Workflows.Model;

/// <summary>A workflow or container variable: <c>{ id, name, typeName, isArray, value }</c>; the initial value is a string in Elsa's files.</summary>
public sealed record VariableDefinition(string Id, string Name, string TypeName, bool IsArray, JsonNode? Value, string Pointer);
