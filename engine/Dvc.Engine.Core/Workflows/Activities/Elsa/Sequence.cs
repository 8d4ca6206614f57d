using Dvc.Engine.Core.Workflows.Runtime;

namespace Dvc.Engine.Core.Workflows.Activities.Elsa;

/// <summary><c>Elsa.Sequence</c>: runs <c>activities</c> one after another, then completes with Done.</summary>
internal sealed class Sequence : ActivityBehavior
{
    public override ValueTask ExecuteAsync(ActivityExecution execution, CancellationToken cancellationToken)
    {
        ScheduleAt(execution, 0);
        return ValueTask.CompletedTask;
    }

    public override void OnChildCompleted(ActivityExecution execution, ActivityFrame child, IReadOnlyList<string> outcomes) =>
        ScheduleAt(execution, (execution.Properties["index"]?.GetValue<int>() ?? 0) + 1);

    private static void ScheduleAt(ActivityExecution execution, int index)
    {
        var children = execution.Activity.Children;
        if (index >= children.Count)
        {
            execution.Complete();
            return;
        }

        execution.Properties["index"] = index;
        execution.Schedule(children[index]);
    }
}
