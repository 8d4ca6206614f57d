using Dvc.Engine.Core.Workflows.Runtime;
using Dvc.Engine.Sdk;

namespace Dvc.Engine.Core.Workflows.Activities.Elsa;

/// <summary><c>Elsa.Delay</c>: waits on a timer bookmark due <c>timeSpan</c> from now (the injected clock), then Done.</summary>
internal sealed class Delay : ActivityBehavior
{
    public override ValueTask ExecuteAsync(ActivityExecution execution, CancellationToken cancellationToken)
    {
        var span = TimeSpanInput.Read(execution, "timeSpan") ?? TimeSpan.Zero;
        if (execution.Run.State.Status == WorkflowStatus.Running)
        {
            execution.Wait(new BookmarkRequest("Delay", null, null, execution.Now + span));
        }

        return ValueTask.CompletedTask;
    }
}
