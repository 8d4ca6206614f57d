using Dvc.Engine.Core.Workflows.Runtime;

namespace Dvc.Engine.Core.Workflows.Activities.Elsa;

/// <summary><c>Elsa.Finish</c>: ends the whole workflow instance as Finished, whatever else is pending.</summary>
internal sealed class Finish : ActivityBehavior
{
    public override ValueTask ExecuteAsync(ActivityExecution execution, CancellationToken cancellationToken)
    {
        execution.Run.AddTrace(execution.Activity, WorkflowTraceEvent.Completed, ["Done"]);
        execution.Run.Finish();
        return ValueTask.CompletedTask;
    }
}
