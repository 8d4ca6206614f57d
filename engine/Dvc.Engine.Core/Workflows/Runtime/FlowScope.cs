using System.Text.Json.Nodes;
using Dvc.Engine.Core.Workflows.Model;

namespace Dvc.Engine.Core.Workflows.Runtime;

/// <summary>
/// The counters of Elsa's counter-based flowchart, kept in the flowchart frame so they persist with the state:
/// how often each activity was visited, how often each connection was visited, and whether its last visit was followed.
/// </summary>
internal sealed class FlowScope(JsonObject frameProperties)
{
    private JsonObject Activities => Section("activityVisits");

    private JsonObject Connections => Section("connectionVisits");

    private JsonObject Followed => Section("connectionFollowed");

    public void RegisterActivityVisit(string activityId) => Activities[activityId] = ActivityVisits(activityId) + 1;

    public void RegisterConnectionVisit(ConnectionDefinition connection, bool followed)
    {
        Connections[connection.Key] = ConnectionVisits(connection) + 1;
        Followed[connection.Key] = followed;
    }

    public long ActivityVisits(string activityId) => Activities[activityId]?.GetValue<long>() ?? 0;

    public long ConnectionVisits(ConnectionDefinition connection) => Connections[connection.Key]?.GetValue<long>() ?? 0;

    public bool LastVisitFollowed(ConnectionDefinition connection) => Followed[connection.Key]?.GetValue<bool>() ?? false;

    /// <summary>Every forward inbound connection was visited more often than the activity ran.</summary>
    public bool AllInboundVisited(FlowGraph graph, string activityId)
    {
        var inbound = graph.GetForwardInbound(activityId);
        return inbound.Count > 0 && inbound.Min(ConnectionVisits) > ActivityVisits(activityId);
    }

    /// <summary>Some inbound connection of the latest round was followed.</summary>
    public bool AnyInboundFollowed(FlowGraph graph, string activityId)
    {
        var inbound = graph.GetForwardInbound(activityId);
        if (inbound.Count == 0)
        {
            return false;
        }

        var max = inbound.Max(ConnectionVisits);
        return max > ActivityVisits(activityId) && inbound.Any(c => ConnectionVisits(c) == max && LastVisitFollowed(c));
    }

    /// <summary>Every inbound connection of the latest round was followed.</summary>
    public bool AllInboundFollowed(FlowGraph graph, string activityId)
    {
        var inbound = graph.GetForwardInbound(activityId);
        if (inbound.Count == 0)
        {
            return false;
        }

        var max = inbound.Max(ConnectionVisits);
        return max > ActivityVisits(activityId) && inbound.All(c => ConnectionVisits(c) == max && LastVisitFollowed(c));
    }

    /// <summary>A WaitAny join already ran for this round: later arrivals are ignored.</summary>
    public bool ShouldIgnore(ConnectionDefinition connection, string activityId) => ConnectionVisits(connection) <= ActivityVisits(activityId);

    private JsonObject Section(string name)
    {
        if (frameProperties[name] is not JsonObject section)
        {
            frameProperties[name] = section = [];
        }

        return section;
    }
}
