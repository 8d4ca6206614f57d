using System.Text.Json.Nodes;
using Dvc.Engine.Core.Workflows.Expressions;
using Dvc.Engine.Core.Workflows.Model;
using Dvc.Engine.Core.Workflows.Runtime;
using Dvc.Engine.Sdk;

namespace Dvc.Engine.Core.Workflows.Activities.Elsa;

/// <summary><c>Elsa.FlowFork</c>: completes with one outcome per branch name, so every branch is followed; Done if none.</summary>
internal sealed class FlowFork : ActivityBehavior
{
    public override ValueTask ExecuteAsync(ActivityExecution execution, CancellationToken cancellationToken)
    {
        var branches = Names(execution.HasInput("branches") ? execution.Evaluate("branches") : null);
        execution.CompleteWith(branches.Count == 0 ? ["Done"] : branches);
        return ValueTask.CompletedTask;
    }

    public override IReadOnlyList<string>? PossibleOutcomes(ActivityNode node, ActivityDescriptor descriptor)
    {
        if (!node.Inputs.TryGetValue("branches", out var input))
        {
            return ["Done"];
        }

        if (input.ExpressionType is not ("Literal" or "Object" or "Json"))
        {
            return null;
        }

        var value = input.Value is JsonValue v && v.TryGetValue<string>(out var text) && text.TrimStart().StartsWith('[')
            ? JsonNode.Parse(text)
            : input.Value;
        return [.. Names(value), "Done"];
    }

    private static List<string> Names(JsonNode? value) => value switch
    {
        JsonArray array => array.Select(ValueConversion.ToText).Where(x => x.Length > 0).ToList(),
        JsonValue single when ValueConversion.ToText(single) is { Length: > 0 } text => text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList(),
        _ => [],
    };
}
