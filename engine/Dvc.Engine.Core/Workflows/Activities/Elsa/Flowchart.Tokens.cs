using System.Text.Json.Nodes;
using Dvc.Engine.Core.Workflows.Expressions;
using Dvc.Engine.Core.Workflows.Runtime;

namespace Dvc.Engine.Core.Workflows.Activities.Elsa;

/// <summary>
/// The token-based flowchart of Elsa 3.6+ (<c>Flowchart.Tokens.cs</c> there): a completed activity puts a token on
/// each followed connection and consumes the tokens that led to it; each target is scheduled by its
/// <c>customProperties.mergeMode</c>: Stream (the default: once no upstream source still has a token waiting for it),
/// Merge (a token on every forward inbound connection), Converge (on every inbound connection, loops included),
/// Cascade (every arriving token, blocking the other inbound connections once), Race (the first token, cancelling the
/// other upstream branches). A FlowJoin counts as Race in WaitAny mode and as Merge otherwise. Dead paths are not skipped:
/// a join waiting for a branch that never runs keeps the flowchart open, as in Elsa.
/// </summary>
internal sealed partial class Flowchart
{
    private const string TokensProperty = "tokens";

    private static void OnChildCompletedWithTokens(ActivityExecution execution, CompiledActivity completed, IReadOnlyList<string> outcomes)
    {
        var graph = execution.Activity.Graph!;
        var tokens = Tokens(execution);
        var active = graph.GetOutbound(completed.LocalId).Where(c => outcomes.Contains(c.SourcePort, StringComparer.Ordinal)).Distinct().ToList();
        foreach (var connection in active)
        {
            tokens.Add(Token(connection.SourceId, connection.TargetId, connection.SourcePort, blocked: false));
        }

        foreach (var token in tokens.OfType<JsonObject>().Where(t => To(t) == completed.LocalId && !Is(t, "consumed") && !Is(t, "blocked")))
        {
            token["consumed"] = true;
        }

        foreach (var connection in active)
        {
            var target = execution.Activity.Child(connection.TargetId);
            switch (MergeMode(execution, target))
            {
                case ("Cascade" or "Race") and var mode:
                    if (mode == "Race")
                    {
                        CancelInboundAncestors(execution, target.LocalId);
                    }

                    var blocked = tokens.OfType<JsonObject>().FirstOrDefault(t =>
                        To(t) == target.LocalId && From(t) == connection.SourceId && Outcome(t) == connection.SourcePort && Is(t, "blocked"));
                    if (blocked is null)
                    {
                        execution.Schedule(target);
                        foreach (var inbound in graph.GetForwardInbound(target.LocalId).Where(x => x.SourceId != completed.LocalId))
                        {
                            tokens.Add(Token(inbound.SourceId, inbound.TargetId, inbound.SourcePort, blocked: true));
                        }
                    }
                    else
                    {
                        blocked["consumed"] = true;
                    }

                    break;
                case "Merge":
                    ScheduleWhenAllArrived(execution, target, graph.GetForwardInbound(target.LocalId), tokens);
                    break;
                case "Converge":
                    ScheduleWhenAllArrived(execution, target, graph.GetInbound(target.LocalId), tokens);
                    break;
                default:
                    // Stream: go once no upstream source of the target still has a token waiting for it.
                    var upstreamPending = graph.GetForwardInbound(target.LocalId)
                        .Any(inbound => tokens.OfType<JsonObject>().Any(t => !Is(t, "consumed") && !Is(t, "blocked") && To(t) == inbound.SourceId));
                    if (!upstreamPending)
                    {
                        execution.Schedule(target);
                    }

                    break;
            }
        }

        CompleteIfNoPendingWork(execution);
        if (execution.Properties[TokensProperty] is JsonArray left)
        {
            foreach (var token in left.OfType<JsonObject>().Where(t => To(t) == completed.LocalId && Is(t, "consumed")).ToList())
            {
                left.Remove(token);
            }
        }
    }

    private static void OnChildCancelledWithTokens(ActivityExecution execution, CompiledActivity cancelled)
    {
        var tokens = Tokens(execution);
        foreach (var token in tokens.OfType<JsonObject>().Where(t => From(t) == cancelled.LocalId || To(t) == cancelled.LocalId).ToList())
        {
            tokens.Remove(token);
        }

        CompleteIfNoPendingWork(execution);
    }

    private static void ScheduleWhenAllArrived(ActivityExecution execution, CompiledActivity target, IReadOnlyList<Model.ConnectionDefinition> inbound, JsonArray tokens)
    {
        var arrived = inbound.Count <= 1 || inbound.All(i => tokens.OfType<JsonObject>().Any(t =>
            !Is(t, "consumed") && !Is(t, "blocked") && From(t) == i.SourceId && To(t) == target.LocalId && Outcome(t) == i.SourcePort));
        if (arrived)
        {
            execution.Schedule(target);
        }
    }

    /// <summary>The target's merge mode: its <c>customProperties.mergeMode</c> (None and absent are Stream), or a FlowJoin's mode mapped as Elsa maps it.</summary>
    private static string MergeMode(ActivityExecution execution, CompiledActivity target)
    {
        var mode = execution.Activity.MergeModes!.GetValueOrDefault(target.LocalId) ?? "Stream";
        return mode == FlowModes.FlowJoinMarker ? (JoinMode(execution, target) == "WaitAny" ? "Race" : "Merge") : mode;
    }

    private static bool HasUnconsumedTokens(ActivityExecution execution) =>
        execution.Properties[TokensProperty] is JsonArray tokens && tokens.OfType<JsonObject>().Any(t => !Is(t, "consumed") && !Is(t, "blocked"));

    private static void ClearTokens(ActivityExecution execution) => execution.Properties.Remove(TokensProperty);

    private static JsonArray Tokens(ActivityExecution execution)
    {
        if (execution.Properties[TokensProperty] is not JsonArray tokens)
        {
            execution.Properties[TokensProperty] = tokens = [];
        }

        return tokens;
    }

    private static JsonObject Token(string from, string to, string outcome, bool blocked) =>
        new() { ["from"] = from, ["to"] = to, ["outcome"] = outcome, ["consumed"] = false, ["blocked"] = blocked };

    private static string? From(JsonObject token) => token["from"]?.GetValue<string>();

    private static string? To(JsonObject token) => token["to"]?.GetValue<string>();

    private static string? Outcome(JsonObject token) => token["outcome"]?.GetValue<string>();

    private static bool Is(JsonObject token, string flag) => token[flag]?.GetValue<bool>() ?? false;
}
