using Dvc.Engine.Core.Workflows.Runtime;

namespace Dvc.Engine.Core.Workflows.Activities.Elsa;

/// <summary><c>Elsa.Correlate</c>: sets the instance's correlation id.</summary>
internal sealed class Correlate : ActivityBehavior
{
    public override ValueTask ExecuteAsync(ActivityExecution execution, CancellationToken cancellationToken)
    {
        execution.Scope.CorrelationId = execution.EvaluateString("correlationId");
        execution.Complete();
        return ValueTask.CompletedTask;
    }
}
