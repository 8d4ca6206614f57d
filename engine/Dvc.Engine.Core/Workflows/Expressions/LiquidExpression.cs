using System.Text.Json;
using System.Text.Json.Nodes;
using Dvc.Engine.Core.Workflows.Model;
using Fluid;

namespace Dvc.Engine.Core.Workflows.Expressions;

/// <summary>
/// A Liquid expression rendered by Fluid in the <see cref="LiquidSandbox"/> with <c>Variables</c>, <c>Input</c> and
/// <c>Workflow</c> in scope. Fluid's default member access only reaches dictionaries and lists built here, so no CLR object
/// is exposed; steps, recursion, time and sizes are limited and includes are refused.
/// </summary>
internal sealed class LiquidExpression : CompiledExpression
{
    private readonly IFluidTemplate _template;

    private LiquidExpression(ExpressionInput source, IFluidTemplate template)
        : base(source)
    {
        _template = template;
    }

    public static LiquidExpression? TryCompile(ExpressionInput source, out string? error)
    {
        var text = source.Value is JsonValue v && v.TryGetValue<string>(out var s) ? s : source.Value?.ToJsonString() ?? string.Empty;
        return LiquidSandbox.TryCompile(text, ExpressionSandboxOptions.Default, out error) is { } template ? new LiquidExpression(source, template) : null;
    }

    protected override JsonNode? EvaluateRaw(IExpressionScope scope) =>
        JsonValue.Create(LiquidSandbox.Render(_template, scope.Sandbox, context =>
        {
            var variables = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            foreach (var (name, value) in scope.Variables)
            {
                variables[name] = ToPlain(value);
            }

            context.SetValue("Variables", variables);
            context.SetValue("Input", ToPlain(scope.WorkflowInput));
            context.SetValue("Workflow", new Dictionary<string, object?>
            {
                ["InstanceId"] = scope.InstanceId,
                ["DefinitionId"] = scope.DefinitionId,
                ["CorrelationId"] = scope.CorrelationId,
            });
        }));

    /// <summary>JSON as dictionaries, lists and primitives, which Fluid reads natively.</summary>
    private static object? ToPlain(JsonNode? node) => node switch
    {
        null => null,
        JsonObject obj => obj.ToDictionary(x => x.Key, x => ToPlain(x.Value), StringComparer.OrdinalIgnoreCase),
        JsonArray array => array.Select(ToPlain).ToList(),
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number => ValueConversion.ToNumber(value),
            _ => null,
        },
        _ => null,
    };

}
