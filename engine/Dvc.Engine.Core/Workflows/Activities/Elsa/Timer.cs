using Dvc.Engine.Core.Workflows.Runtime;
using Dvc.Engine.Sdk;

namespace Dvc.Engine.Core.Workflows.Activities.Elsa;

/// <summary>
/// <c>Elsa.Timer</c>: inside a running workflow it waits one <c>interval</c> on a timer bookmark, then Done
/// (as a recurring trigger it belongs to the host's scheduler, not to an instance).
/// </summary>
internal sealed class Timer : ActivityBehavior
{
    public override ValueTask ExecuteAsync(ActivityExecution execution, CancellationToken cancellationToken)
    {
        var span = TimeSpanInput.Read(execution, "interval") ?? TimeSpan.Zero;
        if (execution.Run.State.Status == WorkflowStatus.Running)
        {
            execution.Wait(new BookmarkRequest("Timer", null, null, execution.Now + span));
        }

        return ValueTask.CompletedTask;
    }
}
