using System.Text.Json.Nodes;
using Dvc.Engine.Core.Workflows.Runtime;
using Dvc.Engine.Sdk;

namespace Dvc.Engine.Core.Workflows.Activities.Elsa;

/// <summary><c>Elsa.RunTask</c>: asks the host to run the task <c>taskName</c> and waits for its completion; output <c>result</c>.</summary>
internal sealed class RunTask : ActivityBehavior
{
    public override ValueTask ExecuteAsync(ActivityExecution execution, CancellationToken cancellationToken)
    {
        var taskName = execution.EvaluateString("taskName") ?? string.Empty;
        var payload = new JsonObject { ["taskName"] = taskName, ["payload"] = execution.HasInput("payload") ? execution.Evaluate("payload") : null };
        execution.Wait(new BookmarkRequest("RunTask", taskName, payload));
        return ValueTask.CompletedTask;
    }

    public override ValueTask ResumeAsync(ActivityExecution execution, WorkflowBookmark bookmark, JsonNode? payload, CancellationToken cancellationToken)
    {
        execution.SetOutput("result", payload);
        execution.Complete();
        return ValueTask.CompletedTask;
    }
}
