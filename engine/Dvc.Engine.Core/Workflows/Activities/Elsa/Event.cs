using System.Text.Json.Nodes;
using Dvc.Engine.Core.Workflows.Runtime;
using Dvc.Engine.Sdk;

namespace Dvc.Engine.Core.Workflows.Activities.Elsa;

/// <summary><c>Elsa.Event</c>: waits for the event named <c>eventName</c>; output <c>result</c> is the event payload.</summary>
internal sealed class Event : ActivityBehavior
{
    public override ValueTask ExecuteAsync(ActivityExecution execution, CancellationToken cancellationToken)
    {
        execution.Wait(new BookmarkRequest("Event", execution.EvaluateString("eventName") ?? string.Empty));
        return ValueTask.CompletedTask;
    }

    public override ValueTask ResumeAsync(ActivityExecution execution, WorkflowBookmark bookmark, JsonNode? payload, CancellationToken cancellationToken)
    {
        execution.SetOutput("result", payload);
        execution.Complete();
        return ValueTask.CompletedTask;
    }
}
