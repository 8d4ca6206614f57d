using System.Text.Json.Nodes;
using Dvc.Engine.Core.Workflows.Runtime;

namespace Dvc.Engine.Core.Workflows.Activities.Elsa;

/// <summary>
/// <c>Elsa.Complete</c>: completes the nearest enclosing flowchart with the given <c>outcomes</c> (a string or an
/// array), cancelling what still runs in it; without an enclosing flowchart, or on the root flowchart, it ends the
/// workflow with those outcomes.
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
        var frame = execution.Frame;
        var container = frame.ParentId is null ? null : run.FindFrame(frame.ParentId);
        var root = container;
        while (container is not null && run.Workflow.Activities[container.ActivityId].Type != "Elsa.Flowchart")
        {
            container = container.ParentId is null ? null : run.FindFrame(container.ParentId);
            root = container ?? root;
        }

        // Without an enclosing flowchart the composite is the workflow itself.
        while (container is null && root?.ParentId is { } parentId && run.FindFrame(parentId) is { } parent)
        {
            root = parent;
        }

        container ??= root;
        if (container is null)
        {
            execution.CompleteWith(names);
            return ValueTask.CompletedTask;
        }

        run.AddTrace(execution.Activity, WorkflowTraceEvent.Completed, names);
        run.Complete(container, names);
        return ValueTask.CompletedTask;
    }
}
