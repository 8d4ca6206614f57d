using System.Text.Json.Nodes;
using Dvc.Engine.Core.Workflows.Expressions;
using Dvc.Engine.Core.Workflows.Model;
using Dvc.Engine.Core.Workflows.Runtime;
using Dvc.Engine.Sdk;

namespace Dvc.Engine.Core.Workflows.Activities.Elsa;

/// <summary>
/// <c>Elsa.FlowSwitch</c>: evaluates each case condition (a bare <c>{type, value}</c> expression) and completes with
/// the first matching label (<c>MatchFirst</c>, the default) or all of them (<c>MatchAny</c>), else <c>Default</c>.
/// </summary>
internal sealed class FlowSwitch : ActivityBehavior
{
    public override ValueTask ExecuteAsync(ActivityExecution execution, CancellationToken cancellationToken)
    {
        var labels = Labels(execution.Activity.Node);
        var matches = Matching(execution, labels.Count).Select(i => labels[i]).ToList();
        if (matches.Count == 0)
        {
            execution.Complete("Default");
        }
        else
        {
            execution.CompleteWith(MatchAny(execution) ? matches : [matches[0]]);
        }

        return ValueTask.CompletedTask;
    }

    public override IReadOnlyList<string>? PossibleOutcomes(ActivityNode node, ActivityDescriptor descriptor) => [.. Labels(node), "Default"];

    public static string CaseKey(int index) => $"cases/{index}";

    public static IReadOnlyList<string> Labels(ActivityNode node) =>
        node.Property("cases") is JsonArray cases
            ? cases.Select(c => c is JsonObject o ? JsonLookup.GetString(o, "label") ?? string.Empty : string.Empty).ToList()
            : [];

    /// <summary>The indexes of the cases whose condition holds, in order (shared with <c>Elsa.Switch</c>).</summary>
    public static IEnumerable<int> Matching(ActivityExecution execution, int count)
    {
        for (var i = 0; i < count; i++)
        {
            if (execution.Activity.Expressions.TryGetValue(CaseKey(i), out var condition) && ValueConversion.ToBoolean(execution.Evaluate(condition)))
            {
                yield return i;
            }
        }
    }

    /// <summary>The <c>mode</c> input: MatchAny (1) schedules every matching case, MatchFirst (0, the default) the first.</summary>
    public static bool MatchAny(ActivityExecution execution) => execution.HasInput("mode") && execution.EvaluateString("mode") is "MatchAny" or "1";
}
