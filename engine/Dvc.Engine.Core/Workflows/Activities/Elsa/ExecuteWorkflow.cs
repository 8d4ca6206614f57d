using System.Text.Json.Nodes;
using Dvc.Engine.Core.Workflows.Expressions;
using Dvc.Engine.Core.Workflows.Model;
using Dvc.Engine.Core.Workflows.Runtime;

namespace Dvc.Engine.Core.Workflows.Activities.Elsa;

/// <summary>
/// <c>Elsa.ExecuteWorkflow</c>: runs the workflow definition <c>workflowDefinitionId</c> (its latest version in the
/// catalog, pinned when the workflow compiles) with <c>input</c> as its inputs and <c>correlationId</c> as its correlation
/// id. Output <c>result</c> is <c>{ workflowInstanceId, correlationId, status, subStatus, output }</c>. With
/// <c>waitForCompletion</c> the activity completes when the child finishes, so a child that waits (a human task, a
/// payment) makes the parent wait; without it, the child runs until it finishes or waits, then the parent goes on and
/// the waiting child stays open on its own in the same instance.
/// </summary>
internal sealed class ExecuteWorkflow : ActivityBehavior
{
    private const string DetachWhenIdle = "detachWhenIdle";

    public override ValueTask ExecuteAsync(ActivityExecution execution, CancellationToken cancellationToken)
    {
        var declared = execution.Activity.Callee!.Scope.Definition.Inputs;
        var input = new JsonObject();
        if (execution.HasInput("input") && execution.Evaluate("input") is JsonObject given)
        {
            foreach (var (name, value) in given)
            {
                var type = declared.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase))?.ConversionType;
                input[name] = ValueConversion.ConvertTo(value?.DeepClone(), type);
            }
        }

        var wait = execution.HasInput("waitForCompletion") && ValueConversion.ToBoolean(execution.Evaluate("waitForCompletion"));
        if (!wait)
        {
            execution.Properties[DetachWhenIdle] = true;
        }

        WorkflowDefinitionActivity.Call(execution, input, new JsonObject
        {
            ["instanceId"] = $"{execution.Run.State.InstanceId}/{execution.Frame.Id}",
            ["correlationId"] = execution.HasInput("correlationId") ? execution.EvaluateString("correlationId") : null,
        });
        return ValueTask.CompletedTask;
    }

    public override void OnChildCompleted(ActivityExecution execution, ActivityFrame child, IReadOnlyList<string> outcomes)
    {
        execution.SetOutput("result", Result(ExpressionContext.ScopeOf(execution.Frame), "Finished", "Finished"));
        execution.Complete();
    }

    /// <summary>
    /// Completes every not-waiting ExecuteWorkflow whose child has nothing left to run (it waits on a bookmark): the child
    /// keeps its frames, variables and bookmarks on its own, and the parent goes on.
    /// </summary>
    public static void DetachIdleChildren(WorkflowExecution run)
    {
        foreach (var call in run.State.Frames.Where(f => f.Properties.ContainsKey(DetachWhenIdle)).ToList())
        {
            var child = run.State.Frames.Find(f => f.ParentId == call.Id);
            if (child is null || run.State.Queue.Any(id => run.FindFrame(id) is { } queued && (queued == child || run.IsDescendant(queued, child))))
            {
                continue;
            }

            var scope = ExpressionContext.ScopeOf(call)!;
            call.Properties.Remove("scope");
            call.Properties.Remove(DetachWhenIdle);
            child.ParentId = null;
            ExpressionContext.SetScope(child, scope);
            var execution = new ActivityExecution(run, call, run.Workflow.Activities[call.ActivityId]);
            execution.SetOutput("result", Result(scope, "Running", "Suspended"));
            execution.Complete();
        }
    }

    private static JsonObject Result(JsonObject? scope, string status, string subStatus) => new()
    {
        ["workflowInstanceId"] = scope?["instanceId"]?.DeepClone(),
        ["correlationId"] = scope?["correlationId"]?.DeepClone(),
        ["status"] = status,
        ["subStatus"] = subStatus,
        ["output"] = scope?["output"]?.DeepClone() ?? new JsonObject(),
    };

    public override IReadOnlyList<string>? PossibleOutcomes(ActivityNode node, Sdk.ActivityDescriptor descriptor) => ["Done"];
}
