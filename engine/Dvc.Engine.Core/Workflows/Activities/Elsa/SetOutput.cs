using Dvc.Engine.Core.Workflows.Runtime;

namespace Dvc.Engine.Core.Workflows.Activities.Elsa;

/// <summary><c>Elsa.SetOutput</c>: sets the workflow output named <c>outputName</c> to <c>outputValue</c>.</summary>
internal sealed class SetOutput : ActivityBehavior
{
    public override ValueTask ExecuteAsync(ActivityExecution execution, CancellationToken cancellationToken)
    {
        var name = execution.EvaluateString("outputName");
        if (!string.IsNullOrEmpty(name))
        {
            execution.Run.State.Outputs[name] = execution.Evaluate("outputValue");
        }

        execution.Complete();
        return ValueTask.CompletedTask;
    }
}
