using Dvc.Engine.Core.Workflows.Runtime;

namespace Dvc.Engine.Core.Workflows.Activities.Elsa;

/// <summary>
/// <c>Elsa.SetName</c>: names the workflow instance. Elsa runs a workflow used as an activity in its caller's execution
/// context, so a name set there names the caller's instance too; one name per run is what Elsa keeps as well.
/// </summary>
internal sealed class SetName : ActivityBehavior
{
    public override ValueTask ExecuteAsync(ActivityExecution execution, CancellationToken cancellationToken)
    {
        execution.Run.State.Name = execution.EvaluateString("value");
        execution.Complete();
        return ValueTask.CompletedTask;
    }
}
