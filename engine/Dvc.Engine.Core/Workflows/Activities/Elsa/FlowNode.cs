using Dvc.Engine.Core.Workflows.Runtime;

namespace Dvc.Engine.Core.Workflows.Activities.Elsa;

/// <summary><c>Elsa.FlowNode</c>: runs its <c>body</c>, then completes with Done.</summary>
internal sealed class FlowNode : ActivityBehavior
{
    public override ValueTask ExecuteAsync(ActivityExecution execution, CancellationToken cancellationToken)
    {
        if (execution.Activity.Children.Count == 0)
        {
            execution.Complete();
        }
        else
        {
            execution.Schedule(execution.Activity.Children[0]);
        }

        return ValueTask.CompletedTask;
    }
}
