using System.Text.Json;
using System.Text.Json.Nodes;
using Dvc.Engine.Core.Workflows.Model;

namespace Dvc.Engine.Core.Workflows.Expressions;

/// <summary>
/// An input's expression, parsed once per workflow version (scripts are prepared at compile time, not per run).
/// </summary>
internal abstract class CompiledExpression
{
    protected CompiledExpression(ExpressionInput source)
    {
        Source = source;
    }

    public ExpressionInput Source { get; }

    /// <summary>Evaluates and converts to the input's declared type.</summary>
    public JsonNode? Evaluate(IExpressionScope scope) => ValueConversion.ConvertTo(EvaluateRaw(scope), Source.TypeName);

    protected abstract JsonNode? EvaluateRaw(IExpressionScope scope);
}

/// <summary><c>Literal</c>: the value itself, converted to the declared type.</summary>
internal sealed class LiteralExpression(ExpressionInput source) : CompiledExpression(source)
{
    protected override JsonNode? EvaluateRaw(IExpressionScope scope) => Source.Value?.DeepClone();
}

/// <summary><c>Object</c> (alias <c>Json</c>): a JSON text parsed into the target type.</summary>
internal sealed class ObjectExpression(ExpressionInput source) : CompiledExpression(source)
{
    protected override JsonNode? EvaluateRaw(IExpressionScope scope)
    {
        if (Source.Value is JsonValue value && value.TryGetValue<string>(out var text))
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            try
            {
                return JsonNode.Parse(text);
            }
            catch (JsonException)
            {
                return JsonValue.Create(text);
            }
        }

        return Source.Value?.DeepClone();
    }
}

/// <summary><c>Variable</c>: the value is a variable reference, <c>{id, name}</c> or a plain id or name.</summary>
internal sealed class VariableExpression(ExpressionInput source) : CompiledExpression(source)
{
    public string? Reference { get; } = source.Value switch
    {
        JsonObject obj => Model.JsonLookup.GetString(obj, "id") ?? Model.JsonLookup.GetString(obj, "name"),
        JsonValue v when v.TryGetValue<string>(out var text) => text,
        _ => null,
    };

    public string? ReferenceName { get; } = source.Value is JsonObject o ? Model.JsonLookup.GetString(o, "name") : null;

    protected override JsonNode? EvaluateRaw(IExpressionScope scope)
    {
        if (Reference is not null && scope.TryGetVariable(Reference, out var value))
        {
            return value?.DeepClone();
        }

        return ReferenceName is not null && scope.TryGetVariable(ReferenceName, out value) ? value?.DeepClone() : null;
    }
}

/// <summary><c>Input</c>: reads a workflow input (<c>data</c>, <c>fee</c>, …); the value names it, or is a serialized input definition with a <c>name</c>.</summary>
internal sealed class WorkflowInputExpression(ExpressionInput source) : CompiledExpression(source)
{
    private readonly string? _name = source.Value switch
    {
        JsonObject obj => JsonLookup.GetString(obj, "name"),
        JsonValue v when v.TryGetValue<string>(out var text) && text.TrimStart().StartsWith('{') => JsonNode.Parse(text) is JsonObject o ? JsonLookup.GetString(o, "name") : null,
        JsonValue v when v.TryGetValue<string>(out var text) => text,
        _ => null,
    };

    protected override JsonNode? EvaluateRaw(IExpressionScope scope) => _name is null ? null : JsonLookup.Get(scope.WorkflowInput, _name)?.DeepClone();
}
