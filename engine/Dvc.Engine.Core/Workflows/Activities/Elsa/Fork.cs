using System.Text.Json.Nodes;
using Dvc.Engine.Core.Workflows.Model;
using Dvc.Engine.Core.Workflows.Runtime;

namespace Dvc.Engine.Core.Workflows.Activities.Elsa;

/// <summary>
/// <c>Elsa.Fork</c>: schedules every branch; completes when all have completed (<c>joinMode</c> WaitAll, the default)
/// or when the first has (WaitAny, cancelling the others); a Break below it completes it when that branch completes.
/// </summary>
internal sealed class Fork : ActivityBehavior
{
    public override ValueTask ExecuteAsync(ActivityExecution execution, CancellationToken cancellationToken)
    {
        if (execution.Activity.Children.Count == 0)
        {
            execution.Complete();
            return ValueTask.CompletedTask;
        }

        foreach (var branch in execution.Activity.Children)
        {
            execution.Schedule(branch);
        }

        return ValueTask.CompletedTask;
    }

    public override void OnChildCompleted(ActivityExecution execution, ActivityFrame child, IReadOnlyList<string> outcomes)
    {
        if (execution.Properties["completed"] is not JsonArray completed)
        {
            execution.Properties["completed"] = completed = [];
        }

        completed.Add(child.ActivityId);
        var joinMode = execution.Activity.Node.Property("joinMode") is JsonValue mode ? Expressions.ValueConversion.ToText(mode) : "WaitAll";
        var done = execution.Flag(Break.IsBreaking) || joinMode is "WaitAny" or "1"
            || execution.Activity.Children.All(c => completed.Any(x => x?.GetValue<string>() == c.Id));
        if (done)
        {
            execution.Complete();
        }
    }
}
