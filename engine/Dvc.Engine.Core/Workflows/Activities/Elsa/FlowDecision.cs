using Dvc.Engine.Core.Workflows.Expressions;
using Dvc.Engine.Core.Workflows.Runtime;

namespace Dvc.Engine.Core.Workflows.Activities.Elsa;

/// <summary><c>Elsa.FlowDecision</c>: completes with <c>True</c> or <c>False</c> from its <c>condition</c>.</summary>
internal sealed class FlowDecision : ActivityBehavior
{
    public override ValueTask ExecuteAsync(ActivityExecution execution, CancellationToken cancellationToken)
    {
        var condition = ValueConversion.ToBoolean(execution.Evaluate("condition"));
        execution.Complete(condition ? "True" : "False");
        return ValueTask.CompletedTask;
    }
}
