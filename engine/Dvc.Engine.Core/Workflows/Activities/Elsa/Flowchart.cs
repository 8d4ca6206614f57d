using System.Text.Json.Nodes;
using Dvc.Engine.Core.Workflows.Expressions;
using Dvc.Engine.Core.Workflows.Model;
using Dvc.Engine.Core.Workflows.Runtime;
using Dvc.Engine.Sdk;

namespace Dvc.Engine.Core.Workflows.Activities.Elsa;

/// <summary>
/// <c>Elsa.Flowchart</c>. In Elsa's default counter-based mode (this file), when a child completes each outbound
/// connection is visited and followed when its port is among the outcomes. A target with several inbound connections
/// is an implicit join (WaitAllActive): it waits until every forward inbound connection was visited, runs if one was
/// followed, and is otherwise skipped, the skip travelling on (dead-path elimination). <c>Elsa.FlowJoin</c> uses its
/// own mode. A back edge re-schedules its target. The token-based mode of Elsa 3.6+ is in <c>Flowchart.Tokens.cs</c>.
/// A terminal child (End, Break) completes the flowchart at once; it completes when nothing below it is pending.
/// </summary>
internal sealed partial class Flowchart : ActivityBehavior
{
    public const string LoopFlag = "viaBackEdge";

    /// <summary>Elsa's <c>ITerminalNode</c> activities a flowchart ends on (Complete and Finish end it their own way).</summary>
    private static readonly HashSet<string> TerminalTypes = new(StringComparer.Ordinal) { "Elsa.End", "Elsa.Break" };

    public override ValueTask ExecuteAsync(ActivityExecution execution, CancellationToken cancellationToken)
    {
        var graph = execution.Activity.Graph!;
        if (graph.StartActivityId is null)
        {
            execution.Complete();
        }
        else
        {
            execution.Schedule(execution.Activity.Child(graph.StartActivityId));
        }

        return ValueTask.CompletedTask;
    }

    public override void OnChildCompleted(ActivityExecution execution, ActivityFrame child, IReadOnlyList<string> outcomes)
    {
        var completed = execution.Run.Workflow.Activities[child.ActivityId];
        if (TerminalTypes.Contains(completed.Type))
        {
            ClearTokens(execution);
            execution.Complete();
            return;
        }

        if (execution.Activity.MergeModes is not null)
        {
            OnChildCompletedWithTokens(execution, completed, outcomes);
            return;
        }

        var viaBackEdge = child.Properties[LoopFlag]?.GetValue<bool>() ?? false;
        if (!ScheduleOutbound(execution, completed.LocalId, outcomes, viaBackEdge))
        {
            CompleteIfNoPendingWork(execution);
        }
    }

    public override void OnChildCancelled(ActivityExecution execution, ActivityFrame child)
    {
        var cancelled = execution.Run.Workflow.Activities[child.ActivityId];
        if (execution.Activity.MergeModes is not null)
        {
            OnChildCancelledWithTokens(execution, cancelled);
            return;
        }

        // A cancelled branch counts as visited-not-followed, so joins below it do not wait for it forever.
        ScheduleOutbound(execution, cancelled.LocalId, [], viaBackEdge: false);
        CompleteIfNoPendingWork(execution);
    }

    public override IReadOnlyList<string>? PossibleOutcomes(ActivityNode node, ActivityDescriptor descriptor) => null;

    /// <summary>Picks the start activity as Elsa does: a Start, then a trigger, then one without inbound connections, then the first.</summary>
    public static string? FindStartActivity(ActivityNode flowchart, IReadOnlyList<ConnectionDefinition> connections)
    {
        var activities = flowchart.Slot("activities");
        var start = activities.FirstOrDefault(x => x.Type == "Elsa.Start")
            ?? activities.FirstOrDefault(x => x.CanStartWorkflow)
            ?? activities.FirstOrDefault(x => !connections.Any(c => c.TargetId == x.Id))
            ?? (activities.Count > 0 ? activities[0] : null);
        return start?.Id;
    }

    /// <summary>Cancels the live (not merely queued) frames of the flowchart that lie upstream of <paramref name="localId"/>.</summary>
    public static void CancelInboundAncestors(ActivityExecution flowchart, string localId)
    {
        var ancestors = flowchart.Activity.Graph!.GetAncestors(localId);
        foreach (var frame in flowchart.ChildFrames.Where(f => f.Status != FrameStatus.Scheduled && ancestors.Contains(flowchart.Run.Workflow.Activities[f.ActivityId].LocalId)))
        {
            flowchart.Cancel(frame, notifyParent: true);
        }
    }

    private static bool ScheduleOutbound(ActivityExecution execution, string localId, IReadOnlyList<string> outcomes, bool viaBackEdge)
    {
        var graph = execution.Activity.Graph!;
        var scope = new FlowScope(execution.Properties);
        if (graph.IsDangling(localId))
        {
            execution.Fault($"Activity '{localId}' cannot be reached from the start of its flowchart.");
            return true;
        }

        if (!viaBackEdge)
        {
            scope.RegisterActivityVisit(localId);
        }

        var scheduled = false;
        foreach (var connection in graph.GetOutbound(localId))
        {
            var followed = outcomes.Contains(connection.SourcePort, StringComparer.Ordinal);
            scope.RegisterConnectionVisit(connection, followed);
            if (graph.IsBackEdge(connection, out var valid))
            {
                if (!followed)
                {
                    continue;
                }

                if (!valid)
                {
                    execution.Fault($"Invalid loop edge from '{connection.SourceId}' to '{connection.TargetId}': every path from the source back to the start must pass through the target.", WorkflowDiagnostics.InvalidBackEdge);
                    return true;
                }

                execution.Schedule(execution.Activity.Child(connection.TargetId), new JsonObject { [LoopFlag] = true });
                scheduled = true;
                continue;
            }

            scheduled |= ScheduleTarget(execution, graph, scope, connection);
        }

        return scheduled;
    }

    private static bool ScheduleTarget(ActivityExecution execution, FlowGraph graph, FlowScope scope, ConnectionDefinition connection)
    {
        var target = execution.Activity.Child(connection.TargetId);
        var mode = target.Type == "Elsa.FlowJoin" ? JoinMode(execution, target) : "WaitAllActive";
        switch (mode)
        {
            case "WaitAny":
                if (scope.ShouldIgnore(connection, target.LocalId) || IsPending(execution, target.Id))
                {
                    return false;
                }

                if (scope.AnyInboundFollowed(graph, target.LocalId))
                {
                    execution.Schedule(target);
                    CancelInboundAncestors(execution, target.LocalId);
                    return true;
                }

                return scope.AllInboundVisited(graph, target.LocalId) && Skip(execution, target);
            case "WaitAll":
                if (!scope.AllInboundVisited(graph, target.LocalId))
                {
                    return false;
                }

                return scope.AllInboundFollowed(graph, target.LocalId) ? Schedule(execution, target) : Skip(execution, target);
            default:
                if (!scope.AllInboundVisited(graph, target.LocalId))
                {
                    return false;
                }

                return scope.AnyInboundFollowed(graph, target.LocalId) ? Schedule(execution, target) : Skip(execution, target);
        }
    }

    private static bool Schedule(ActivityExecution execution, CompiledActivity target)
    {
        execution.Schedule(target);
        return true;
    }

    private static bool Skip(ActivityExecution execution, CompiledActivity target)
    {
        execution.Run.AddTrace(target, WorkflowTraceEvent.Skipped, []);
        return ScheduleOutbound(execution, target.LocalId, [], viaBackEdge: false);
    }

    private static bool IsPending(ActivityExecution execution, string activityId) =>
        execution.ChildFrames.Any(f => f.ActivityId == activityId && f.Status is FrameStatus.Scheduled or FrameStatus.Running);

    /// <summary>A FlowJoin's <c>mode</c>, evaluated in the flowchart's frame before the join runs.</summary>
    private static string JoinMode(ActivityExecution execution, CompiledActivity join)
    {
        var value = execution.Run.HasInput(join, "mode") ? ValueConversion.ToText(execution.Run.EvaluateInput(execution.Frame, join, "mode")) : string.Empty;
        return value switch
        {
            "WaitAll" or "1" => "WaitAll",
            "WaitAllActive" or "2" => "WaitAllActive",
            _ => "WaitAny",
        };
    }

    private static void CompleteIfNoPendingWork(ActivityExecution execution)
    {
        if (execution.Run.State.Status != WorkflowStatus.Running)
        {
            return;
        }

        var pending = execution.Run.State.Frames.Any(f => f != execution.Frame && execution.Run.IsDescendant(f, execution.Frame))
            || HasUnconsumedTokens(execution);
        if (!pending)
        {
            ClearTokens(execution);
            execution.Complete();
        }
    }
}
