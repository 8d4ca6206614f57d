using Dvc.Engine.Core.Workflows.Runtime;

namespace Dvc.Engine.Core.Workflows.Activities.Elsa;

/// <summary>
/// <c>Elsa.SetOutput</c>: sets the output named <c>outputName</c> of the workflow it belongs to (a called workflow's
/// output becomes the calling activity's output) to <c>outputValue</c>.
/// </summary>
internal sealed class SetOutput : ActivityBehavior
{
    public override ValueTask ExecuteAsync(ActivityExecution execution, CancellationToken cancellationToken)
    {
        var name = execution.EvaluateString("outputName");
        if (!string.IsNullOrEmpty(name))
        {
            execution.Scope.SetWorkflowOutput(name, execution.Evaluate("outputValue"));
        }

        execution.Complete();
        return ValueTask.CompletedTask;
    }
}
