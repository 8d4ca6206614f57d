using Dvc.Engine.Core.Workflows.Runtime;

namespace Dvc.Engine.Core.Workflows.Activities.Elsa;

/// <summary><c>Elsa.Fault</c>: faults the workflow with <c>code</c>, <c>category</c> and <c>message</c>.</summary>
internal sealed class Fault : ActivityBehavior
{
    public override ValueTask ExecuteAsync(ActivityExecution execution, CancellationToken cancellationToken)
    {
        var message = execution.EvaluateString("message") ?? "Fault";
        var category = execution.EvaluateString("category");
        execution.Fault(string.IsNullOrEmpty(category) ? message : $"{category}: {message}", execution.EvaluateString("code"));
        return ValueTask.CompletedTask;
    }
}
