using Dvc.Engine.Core.Workflows.Runtime;

namespace Dvc.Engine.Core.Workflows.Activities.Elsa;

/// <summary>
/// <c>Elsa.FlowJoin</c>: the join itself is decided by the flowchart (<c>mode</c> WaitAny, WaitAll, WaitAllActive);
/// when it runs it cancels whatever still runs upstream of it, then completes with Done.
/// </summary>
internal sealed class FlowJoin : ActivityBehavior
{
    public override ValueTask ExecuteAsync(ActivityExecution execution, CancellationToken cancellationToken)
    {
        if (execution.Frame.ParentId is { } parentId && execution.Run.FindFrame(parentId) is { } parent
            && execution.Run.Workflow.Activities[parent.ActivityId] is { Graph: not null } flowchart)
        {
            Flowchart.CancelInboundAncestors(new ActivityExecution(execution.Run, parent, flowchart), execution.Activity.LocalId);
        }

        execution.Complete();
        return ValueTask.CompletedTask;
    }
}
