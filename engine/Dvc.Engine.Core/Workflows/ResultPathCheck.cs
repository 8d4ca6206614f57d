namespace Dvc.Engine.Core.Workflows;

/// <summary>
/// Warns about each way a procedure's flowchart can finish without <c>Dvc.IssueResult</c>: such a dossier ends with neither
/// a result nor a refusal notice, which is nearly always a forgotten activity on a Reject branch. Paths through a citizen's
/// expired supplement or an expired or failed payment are cancellations and end without a result on purpose. The walk
/// follows every connection (both branches of a decision, loops once), so it needs no data and costs one pass a version.
/// A called workflow counts as issuing a result when it does, and its outcome as a cancellation when every way it reaches
/// that outcome (an <c>Elsa.Complete</c>) goes through a cancellation.
/// </summary>
internal static class ResultPathCheck
{
    private const string IssueResult = "Dvc.IssueResult";

    private static readonly HashSet<string> EndTypes = new(StringComparer.Ordinal) { "Elsa.End", "Elsa.Finish", "Elsa.Complete" };

    private static readonly HashSet<(string Type, string Outcome)> Cancellations =
    [
        ("Dvc.WaitForSupplement", "Expired"),
        ("Dvc.RequestPayment", "Expired"),
        ("Dvc.RequestPayment", "Failed"),
    ];

    public static void Check(CompiledActivity root, DiagnosticBag diagnostics)
    {
        if (root.Graph is not { StartActivityId: { } start } graph)
        {
            if (!Issues(root))
            {
                diagnostics.Warning(WorkflowDiagnostics.PathWithoutResult, "The workflow never runs Dvc.IssueResult, so no dossier of this procedure ever gets a result or a refusal notice.", root.Node.Pointer);
            }

            return;
        }

        var children = Children(root);
        var reported = new HashSet<(string, string?)>();
        Walk(root, graph, start, (step, port) =>
        {
            if (step.Cancelled || !reported.Add((step.ActivityId, port)))
            {
                return;
            }

            diagnostics.Warning(
                WorkflowDiagnostics.PathWithoutResult,
                $"This path finishes at '{step.ActivityId}'{(port is null ? string.Empty : $" ({port}, which has no connection)")} without Dvc.IssueResult: {Describe(step, port)}. The dossier would end with neither a result nor a refusal notice; add a Dvc.IssueResult (e.g. the rejection template) on this path.",
                children[step.ActivityId].Node.Pointer);
        });
    }

    /// <summary>
    /// Walks every path of a flowchart from its start, calling <paramref name="end"/> where one finishes (an end activity,
    /// or an outcome with no connection) without having passed an activity that issues a result.
    /// </summary>
    private static void Walk(CompiledActivity flowchart, Runtime.FlowGraph graph, string start, Action<Step, string?> end, Action<Step, CompiledActivity>? visit = null)
    {
        var children = Children(flowchart);
        var seen = new HashSet<(string, bool)> { (start, false) };
        var queue = new Queue<Step>([new Step(start, Cancelled: false, Previous: null, Port: null)]);
        while (queue.Count > 0)
        {
            var step = queue.Dequeue();
            if (!children.TryGetValue(step.ActivityId, out var activity) || Issues(activity))
            {
                continue;
            }

            visit?.Invoke(step, activity);
            var outbound = graph.GetOutbound(activity.LocalId);
            var ports = activity.Registration?.Behavior.PossibleOutcomes(activity.Node, activity.Registration.Descriptor)
                ?? [.. outbound.Select(c => c.SourcePort).Distinct(StringComparer.Ordinal)];
            if (EndTypes.Contains(activity.Type) || (ports.Count == 0 && activity.Type != "Elsa.Fault"))
            {
                end(step, null);
                continue;
            }

            foreach (var port in ports)
            {
                var connections = outbound.Where(c => c.SourcePort == port).ToList();
                if (connections.Count == 0)
                {
                    // An outcome with no connection ends this path of the flowchart, as in Elsa.
                    end(step, port);
                }

                var cancelled = step.Cancelled || IsCancellation(activity, port);
                foreach (var connection in connections.Where(c => seen.Add((c.TargetId, cancelled))))
                {
                    queue.Enqueue(new Step(connection.TargetId, cancelled, step, port));
                }
            }
        }
    }

    private static Dictionary<string, CompiledActivity> Children(CompiledActivity flowchart) =>
        flowchart.Children.DistinctBy(c => c.LocalId, StringComparer.Ordinal).ToDictionary(c => c.LocalId, StringComparer.Ordinal);

    private static bool IsCancellation(CompiledActivity activity, string port) =>
        Cancellations.Contains((activity.Type, port)) || activity.Callee is { } callee && CancelledOutcomes(callee).Contains(port);

    /// <summary>The outcomes a called workflow completes with (by <c>Elsa.Complete</c>) only after a cancellation.</summary>
    private static HashSet<string> CancelledOutcomes(CompiledActivity callee)
    {
        var reached = new Dictionary<string, bool>(StringComparer.Ordinal);
        if (callee.Graph is { StartActivityId: { } start } graph)
        {
            Walk(callee, graph, start, (_, _) => { }, (step, activity) =>
            {
                if (activity.Type == "Elsa.Complete" && activity.Node.Inputs.TryGetValue("outcomes", out var outcomes) && outcomes.ExpressionType == "Literal")
                {
                    foreach (var outcome in outcomes.Value is System.Text.Json.Nodes.JsonArray array ? array.Select(Expressions.ValueConversion.ToText) : [Expressions.ValueConversion.ToText(outcomes.Value)])
                    {
                        reached[outcome] = (!reached.TryGetValue(outcome, out var cancelled) || cancelled) && step.Cancelled;
                    }
                }
            });
        }

        return [.. reached.Where(r => r.Value).Select(r => r.Key)];
    }

    private static bool Issues(CompiledActivity activity) =>
        activity.Type == IssueResult || activity.Children.Any(Issues) || activity.Callee is { } callee && Issues(callee);

    /// <summary>The path as activity ids, with the outcome taken where it is not just Done: <c>start → reception [Reject]</c>.</summary>
    private static string Describe(Step end, string? port)
    {
        var parts = new List<string>();
        var taken = port;
        for (var step = end; step is not null; step = step.Previous)
        {
            parts.Add(taken is null or "Done" ? step.ActivityId : $"{step.ActivityId} [{taken}]");
            taken = step.Port;
        }

        parts.Reverse();
        return string.Join(" → ", parts);
    }

    private sealed record Step(string ActivityId, bool Cancelled, Step? Previous, string? Port);
}
