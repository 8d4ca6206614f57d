using System.Text.Json.Nodes;
using Dvc.Engine.Core.Workflows.Expressions;
using Dvc.Engine.Core.Workflows.Runtime;

namespace Dvc.Engine.Core.Workflows.Activities.Elsa;

/// <summary><c>Elsa.If</c>: runs <c>then</c> or <c>else</c> by its <c>condition</c>, then completes with Done; output <c>result</c> is the condition.</summary>
internal sealed class If : ActivityBehavior
{
    public override ValueTask ExecuteAsync(ActivityExecution execution, CancellationToken cancellationToken)
    {
        var condition = ValueConversion.ToBoolean(execution.Evaluate("condition"));
        execution.SetOutput("result", JsonValue.Create(condition));
        var slot = execution.Activity.Slot(condition ? "then" : "else");
        if (slot.Count == 0)
        {
            execution.Complete();
        }
        else
        {
            execution.Schedule(slot[0]);
        }

        return ValueTask.CompletedTask;
    }
}
