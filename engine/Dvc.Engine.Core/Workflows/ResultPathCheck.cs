namespace Dvc.Engine.Core.Workflows;

/// <summary>
/// Warns about each way a procedure's flowchart can finish without <c>Dvc.IssueResult</c>: such a dossier ends with neither
/// a result nor a refusal notice, which is nearly always a forgotten activity on a Reject branch. Paths through a citizen's
/// expired supplement or an expired or failed payment are cancellations and end without a result on purpose. The walk
/// follows every connection (both branches of a decision, loops once), so it needs no data and costs one pass a version.
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

        var children = root.Children.DistinctBy(c => c.Id, StringComparer.Ordinal).ToDictionary(c => c.Id, StringComparer.Ordinal);
        var reported = new HashSet<(string, string?)>();
        var seen = new HashSet<(string, bool)> { (start, false) };
        var queue = new Queue<Step>([new Step(start, Cancelled: false, Previous: null, Port: null)]);
        while (queue.Count > 0)
        {
            var step = queue.Dequeue();
            if (!children.TryGetValue(step.ActivityId, out var activity) || Issues(activity))
            {
                continue;
            }

            var outbound = graph.GetOutbound(activity.Id);
            var ports = activity.Registration?.Behavior.PossibleOutcomes(activity.Node, activity.Registration.Descriptor)
                ?? [.. outbound.Select(c => c.SourcePort).Distinct(StringComparer.Ordinal)];
            if (EndTypes.Contains(activity.Type) || (ports.Count == 0 && activity.Type != "Elsa.Fault"))
            {
                Report(step, null);
                continue;
            }

            foreach (var port in ports)
            {
                var connections = outbound.Where(c => c.SourcePort == port).ToList();
                if (connections.Count == 0)
                {
                    // An outcome with no connection ends this path of the flowchart, as in Elsa.
                    Report(step, port);
                }

                var cancelled = step.Cancelled || Cancellations.Contains((activity.Type, port));
                foreach (var connection in connections.Where(c => seen.Add((c.TargetId, cancelled))))
                {
                    queue.Enqueue(new Step(connection.TargetId, cancelled, step, port));
                }
            }
        }

        void Report(Step end, string? port)
        {
            if (end.Cancelled || !reported.Add((end.ActivityId, port)))
            {
                return;
            }

            var activity = children[end.ActivityId];
            diagnostics.Warning(
                WorkflowDiagnostics.PathWithoutResult,
                $"This path finishes at '{end.ActivityId}'{(port is null ? string.Empty : $" ({port}, which has no connection)")} without Dvc.IssueResult: {Describe(end, port)}. The dossier would end with neither a result nor a refusal notice; add a Dvc.IssueResult (e.g. the rejection template) on this path.",
                activity.Node.Pointer);
        }
    }

    private static bool Issues(CompiledActivity activity) => activity.Type == IssueResult || activity.Children.Any(Issues);

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
