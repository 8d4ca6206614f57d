using Dvc.Engine.Core.Workflows.Runtime;

namespace Dvc.Engine.Core.Workflows.Activities.Elsa;

/// <summary><c>Elsa.End</c>: a terminal node; its flowchart completes as soon as it does, cancelling what still runs.</summary>
internal sealed class End : ActivityBehavior
{
    public override ValueTask ExecuteAsync(ActivityExecution execution, CancellationToken cancellationToken)
    {
        execution.Complete();
        return ValueTask.CompletedTask;
    }
}
