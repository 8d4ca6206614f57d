using Dvc.Engine.Core.Workflows.Runtime;

namespace Dvc.Engine.Core.Workflows.Activities.Elsa;

/// <summary>
/// <c>Elsa.Sequence</c>: runs <c>activities</c> one after another, then completes with Done. A terminal child (End,
/// Break, Complete, Finish) or a Break below it ends the sequence early, as Elsa's does.
/// </summary>
internal sealed class Sequence : ActivityBehavior
{
    public override ValueTask ExecuteAsync(ActivityExecution execution, CancellationToken cancellationToken)
    {
        ScheduleAt(execution, 0);
        return ValueTask.CompletedTask;
    }

    public override void OnChildCompleted(ActivityExecution execution, ActivityFrame child, IReadOnlyList<string> outcomes)
    {
        var completed = execution.Run.Workflow.Activities[child.ActivityId];
        if (execution.Flag(Break.IsBreaking) || completed.Type is "Elsa.End" or "Elsa.Break" or "Elsa.Complete" or "Elsa.Finish")
        {
            execution.Complete();
            return;
        }

        ScheduleAt(execution, (execution.Properties["index"]?.GetValue<int>() ?? 0) + 1);
    }

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
