using System.Text.Json.Nodes;
using Dvc.Engine.Core.Workflows.Runtime;

namespace Dvc.Engine.Core.Workflows.Activities.Elsa;

/// <summary>
/// <c>Elsa.Complete</c>: completes the nearest enclosing flowchart with the given <c>outcomes</c> (a string or an
/// array), cancelling what still runs in it. It never reaches past the workflow it is written in: in a called workflow
/// without a flowchart around it, the called workflow completes with those outcomes (so the calling activity follows
/// them); in the top workflow, the workflow ends with them.
/// </summary>
internal sealed class Complete : ActivityBehavior
{
    public override ValueTask ExecuteAsync(ActivityExecution execution, CancellationToken cancellationToken)
    {
        var outcomes = execution.HasInput("outcomes") ? execution.Evaluate("outcomes") : null;
        string[] names = outcomes switch
        {
            JsonArray array => array.Select(x => Expressions.ValueConversion.ToText(x)).ToArray(),
            JsonValue value => [Expressions.ValueConversion.ToText(value)],
            _ => ["Done"],
        };

        var run = execution.Run;
        var last = execution.Frame;
        var current = last.ParentId is null ? null : run.FindFrame(last.ParentId);
        while (current is not null)
        {
            var activity = run.Workflow.Activities[current.ActivityId];
            if (activity.Type == "Elsa.Flowchart" || activity.Callee is not null)
            {
                break;
            }

            last = current;
            current = current.ParentId is null ? null : run.FindFrame(current.ParentId);
        }

        // A flowchart completes itself; at a call, the called workflow's root (the frame below it) completes.
        var target = current is not null && run.Workflow.Activities[current.ActivityId].Type == "Elsa.Flowchart" ? current : last;
        if (target == execution.Frame)
        {
            execution.CompleteWith(names);
            return ValueTask.CompletedTask;
        }

        run.AddTrace(execution.Activity, WorkflowTraceEvent.Completed, names);
        run.Complete(target, names);
        return ValueTask.CompletedTask;
    }
}
