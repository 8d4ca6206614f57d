using Dvc.Engine.Core.Workflows.Model;

namespace Dvc.Engine.Core.Workflows.Runtime;

/// <summary>
/// The connection graph of one flowchart, analysed once per workflow version. Forward connections are found by a
/// breadth-first walk from the start activity that refuses any edge closing a cycle; the edges left over are back
/// edges (loops). A back edge is valid when every forward path from its source back to the start passes through its
/// target, as Elsa's counter-based flowchart requires.
/// </summary>
internal sealed class FlowGraph
{
    private readonly Dictionary<string, List<ConnectionDefinition>> _outbound = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<ConnectionDefinition>> _forwardInbound = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<ConnectionDefinition>> _inbound = new(StringComparer.Ordinal);
    private readonly HashSet<ConnectionDefinition> _forward = [];
    private readonly Dictionary<ConnectionDefinition, bool> _backEdgeValidity = [];
    private readonly Dictionary<string, HashSet<string>> _ancestors = new(StringComparer.Ordinal);

    public FlowGraph(IReadOnlyList<ConnectionDefinition> connections, string? startActivityId)
    {
        StartActivityId = startActivityId;
        foreach (var connection in connections)
        {
            Outbound(connection.SourceId).Add(connection);
            if (!_inbound.TryGetValue(connection.TargetId, out var inbound))
            {
                _inbound[connection.TargetId] = inbound = [];
            }

            inbound.Add(connection);
        }

        if (startActivityId is not null)
        {
            FindForwardConnections(connections, startActivityId);
        }

        foreach (var connection in connections.Where(_forward.Contains))
        {
            if (!_forwardInbound.TryGetValue(connection.TargetId, out var list))
            {
                _forwardInbound[connection.TargetId] = list = [];
            }

            list.Add(connection);
        }

        foreach (var connection in connections.Where(c => !_forward.Contains(c)))
        {
            _backEdgeValidity[connection] = IsValidBackEdge(connection);
        }

        // Computed up front: the graph is shared by every running instance of the version, so it must not change after construction.
        foreach (var activityId in connections.SelectMany(c => new[] { c.SourceId, c.TargetId }).Distinct(StringComparer.Ordinal))
        {
            _ancestors[activityId] = ComputeAncestors(activityId);
        }
    }

    public string? StartActivityId { get; }

    public IReadOnlyList<ConnectionDefinition> GetOutbound(string activityId) => _outbound.TryGetValue(activityId, out var list) ? list : [];

    public IReadOnlyList<ConnectionDefinition> GetForwardInbound(string activityId) => _forwardInbound.TryGetValue(activityId, out var list) ? list : [];

    /// <summary>Every inbound connection, loops included (token-based Converge waits for all of them).</summary>
    public IReadOnlyList<ConnectionDefinition> GetInbound(string activityId) => _inbound.TryGetValue(activityId, out var list) ? list : [];

    /// <summary>True for a loop edge; <paramref name="isValid"/> says whether it may be followed.</summary>
    public bool IsBackEdge(ConnectionDefinition connection, out bool isValid) => _backEdgeValidity.TryGetValue(connection, out isValid);

    public IEnumerable<(ConnectionDefinition Connection, bool IsValid)> BackEdges => _backEdgeValidity.Select(x => (x.Key, x.Value));

    /// <summary>An activity no forward connection reaches (and not the start): it can never run.</summary>
    public bool IsDangling(string activityId) => activityId != StartActivityId && !_forwardInbound.ContainsKey(activityId);

    /// <summary>Every activity with a forward path to <paramref name="activityId"/>.</summary>
    public IReadOnlySet<string> GetAncestors(string activityId) =>
        _ancestors.TryGetValue(activityId, out var ancestors) ? ancestors : new HashSet<string>(StringComparer.Ordinal);

    private HashSet<string> ComputeAncestors(string activityId)
    {
        var ancestors = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>([activityId]);
        while (queue.Count > 0)
        {
            foreach (var connection in GetForwardInbound(queue.Dequeue()))
            {
                if (ancestors.Add(connection.SourceId))
                {
                    queue.Enqueue(connection.SourceId);
                }
            }
        }

        return ancestors;
    }

    private List<ConnectionDefinition> Outbound(string id)
    {
        if (!_outbound.TryGetValue(id, out var list))
        {
            _outbound[id] = list = [];
        }

        return list;
    }

    private void FindForwardConnections(IReadOnlyList<ConnectionDefinition> connections, string start)
    {
        var forwardEdges = new List<(string Source, string Target)>();
        var visitedEdges = new HashSet<(string, string)>();
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>([start]);
        while (queue.Count > 0)
        {
            var source = queue.Dequeue();
            visited.Add(source);
            foreach (var target in GetOutbound(source).Select(x => x.TargetId).Distinct(StringComparer.Ordinal).ToList())
            {
                if (visitedEdges.Contains((source, target)) || HasPath(forwardEdges, target, source))
                {
                    continue;
                }

                visitedEdges.Add((source, target));
                forwardEdges.Add((source, target));
                if (!visited.Contains(target))
                {
                    queue.Enqueue(target);
                }
            }
        }

        var edgeSet = forwardEdges.ToHashSet();
        foreach (var connection in connections.Where(c => edgeSet.Contains((c.SourceId, c.TargetId))))
        {
            _forward.Add(connection);
        }
    }

    private static bool HasPath(List<(string Source, string Target)> edges, string from, string to)
    {
        if (from == to)
        {
            return true;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>([from]);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            if (current == to)
            {
                return true;
            }

            if (!seen.Add(current))
            {
                continue;
            }

            foreach (var edge in edges)
            {
                if (edge.Source == current && !seen.Contains(edge.Target))
                {
                    stack.Push(edge.Target);
                }
            }
        }

        return false;
    }

    private bool IsValidBackEdge(ConnectionDefinition connection)
    {
        if (StartActivityId is null)
        {
            return false;
        }

        // Every backward path from the source to the start must pass through the target: walk back from the source
        // without entering the target; reaching the start proves a path that avoids it. Linear, unlike listing paths.
        var seen = new HashSet<string>(StringComparer.Ordinal) { connection.TargetId };
        var queue = new Queue<string>();
        if (seen.Add(connection.SourceId))
        {
            queue.Enqueue(connection.SourceId);
        }

        while (queue.Count > 0)
        {
            var current = queue.Dequeue();
            if (current == StartActivityId)
            {
                return false;
            }

            foreach (var inbound in GetForwardInbound(current))
            {
                if (seen.Add(inbound.SourceId))
                {
                    queue.Enqueue(inbound.SourceId);
                }
            }
        }

        return true;
    }
}
