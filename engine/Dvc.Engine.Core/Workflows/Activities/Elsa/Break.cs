using System.Text.Json.Nodes;
using Dvc.Engine.Core.Workflows.Runtime;

namespace Dvc.Engine.Core.Workflows.Activities.Elsa;

/// <summary>
/// <c>Elsa.Break</c>: leaves the nearest enclosing While, For or ForEach. As Elsa's break signal does, it marks every
/// Sequence and Fork on the way up as breaking (they complete when their current child does) and the loop itself (it
/// completes instead of starting the next iteration); then it completes, and as a terminal node it ends its flowchart.
/// </summary>
internal sealed class Break : ActivityBehavior
{
    /// <summary>The frame property a breaking container or loop carries.</summary>
    public const string IsBreaking = "isBreaking";

    /// <summary>The activities that stop a break: Elsa's activities with a <c>BreakBehavior</c>.</summary>
    public static readonly IReadOnlySet<string> Loops = new HashSet<string>(StringComparer.Ordinal) { "Elsa.While", "Elsa.For", "Elsa.ForEach" };

    public override ValueTask ExecuteAsync(ActivityExecution execution, CancellationToken cancellationToken)
    {
        var run = execution.Run;
        for (var frame = execution.Frame.ParentId is null ? null : run.FindFrame(execution.Frame.ParentId); frame is not null;
             frame = frame.ParentId is null ? null : run.FindFrame(frame.ParentId))
        {
            var type = run.Workflow.Activities[frame.ActivityId].Type;
            if (type is "Elsa.Sequence" or "Elsa.Fork" || Loops.Contains(type))
            {
                frame.Properties[IsBreaking] = JsonValue.Create(true);
            }

            if (Loops.Contains(type))
            {
                break;
            }
        }

        execution.Complete();
        return ValueTask.CompletedTask;
    }
}
