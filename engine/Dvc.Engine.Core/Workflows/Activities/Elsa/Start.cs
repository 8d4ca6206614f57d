using Dvc.Engine.Core.Workflows.Runtime;

namespace Dvc.Engine.Core.Workflows.Activities.Elsa;

/// <summary><c>Elsa.Start</c>: marks the flowchart's entry point and completes with Done.</summary>
internal sealed class Start : ActivityBehavior
{
    public override ValueTask ExecuteAsync(ActivityExecution execution, CancellationToken cancellationToken)
    {
        execution.Complete();
        return ValueTask.CompletedTask;
    }
}
