using System.Text.Json.Nodes;

namespace Dvc.Engine.Core.Agencies;

/// <summary>
/// Where a procedure's work goes: the handling agency of its dossiers (<c>jurisdiction</c> in procedure.json, else the
/// fixed <c>agency</c>) and, for human tasks handled by another agency ("liên thông"), each task's agency and what it shows.
/// </summary>
public sealed class ProcedureRouting(AgencySelector handling, IReadOnlyDictionary<string, TaskRouting> tasks)
{
    public AgencySelector Handling { get; } = handling;

    /// <summary>Tasks that declare an agency or a <c>shows</c>, by activity id.</summary>
    public IReadOnlyDictionary<string, TaskRouting> Tasks { get; } = tasks;

    /// <summary>
    /// The agency that handles the task <paramref name="activityId"/> for a dossier with <paramref name="data"/>; null
    /// means the dossier's own agency (no agency declared, or the unit field was left blank).
    /// </summary>
    public string? TaskAgency(string activityId, JsonObject data) =>
        Tasks.TryGetValue(activityId, out var task) && task.Agency is { } selector ? selector.Resolve(data).AgencyCode : null;

    /// <summary>What officers of another agency see of the dossier at <paramref name="activityId"/>.</summary>
    public TaskDisclosure Shows(string activityId) => Tasks.TryGetValue(activityId, out var task) ? task.Shows : TaskDisclosure.Nothing;

    /// <summary>True when a dossier or a hand-over task of this procedure can reach <paramref name="agencyCode"/>.</summary>
    public bool CanReach(string agencyCode) =>
        Handling.Agencies.Concat(Tasks.Values.SelectMany(t => t.Agency?.Agencies ?? [])).Contains(agencyCode, StringComparer.OrdinalIgnoreCase);

    internal string Describe() =>
        string.Join("\n", [Handling.Describe(), .. Tasks.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => t.Key + "->" + (t.Value.Agency?.Describe() ?? "own"))]);
}
