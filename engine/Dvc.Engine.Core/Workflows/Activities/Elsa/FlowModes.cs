using System.Text.Json.Nodes;
using Dvc.Engine.Core.Workflows.Model;

namespace Dvc.Engine.Core.Workflows.Activities.Elsa;

/// <summary>
/// Which flowchart mode a definition runs in. Elsa chooses it per run (<c>RunWorkflowOptions</c>, <c>FlowchartOptions</c>),
/// not in the JSON; the JSON shows it only through <c>customProperties.mergeMode</c>, which only the token-based mode reads.
/// So: the definition's <c>customProperties["Flowchart:ExecutionMode"]</c> (Elsa's run-property key: TokenBased or
/// CounterBased) decides when present; otherwise a definition where any activity sets a <c>mergeMode</c> runs token-based
/// (said by an info diagnostic), and every other one runs counter-based, Elsa's default.
/// </summary>
internal static class FlowModes
{
    /// <summary>The run-property key Elsa reads the mode from, accepted here on the definition's <c>customProperties</c>.</summary>
    public const string ExecutionModeKey = "Flowchart:ExecutionMode";

    /// <summary>Stands for a FlowJoin in <see cref="MergeModes"/>: its mode is evaluated when a token reaches it.</summary>
    public const string FlowJoinMarker = "FlowJoin";

    private static readonly string[] Known = ["None", "Stream", "Merge", "Converge", "Cascade", "Race"];

    public static FlowchartMode Decide(WorkflowDocument document, DiagnosticBag diagnostics)
    {
        var declared = DeclaredMode(document, diagnostics);
        var mergeModes = document.AllActivities().Select(a => (Activity: a, Mode: RawMergeMode(a))).Where(x => x.Mode is not null).ToList();
        foreach (var (activity, mode) in mergeModes)
        {
            if (!Known.Contains(mode, StringComparer.OrdinalIgnoreCase))
            {
                diagnostics.Error(
                    WorkflowDiagnostics.UnknownFlowMode,
                    $"Activity '{activity.Id}' has mergeMode '{mode}'; Elsa knows {string.Join(", ", Known)}.",
                    activity.Pointer + "/customProperties/mergeMode");
            }
        }

        switch (declared)
        {
            case FlowchartMode.CounterBased when mergeModes.Count > 0:
                diagnostics.Warning(
                    WorkflowDiagnostics.TokenFlowMode,
                    $"The workflow asks for counter-based flowcharts, where Elsa ignores mergeMode: the mergeMode of '{mergeModes[0].Activity.Id}' has no effect.",
                    mergeModes[0].Activity.Pointer + "/customProperties/mergeMode");
                return FlowchartMode.CounterBased;
            case { } mode:
                return mode;
            case null when mergeModes.Count > 0:
                diagnostics.Info(
                    WorkflowDiagnostics.TokenFlowMode,
                    $"Activity '{mergeModes[0].Activity.Id}' sets mergeMode '{mergeModes[0].Mode}', which only Elsa's token-based flowchart reads: the workflow runs token-based (set customProperties.\"{ExecutionModeKey}\" to CounterBased to run it counter-based).",
                    mergeModes[0].Activity.Pointer + "/customProperties/mergeMode");
                return FlowchartMode.TokenBased;
            default:
                return FlowchartMode.CounterBased;
        }
    }

    /// <summary>The merge mode of each child of a token-based flowchart, by local id (FlowJoins marked).</summary>
    public static IReadOnlyDictionary<string, string> MergeModes(ActivityNode flowchart)
    {
        var modes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var child in flowchart.Slot("activities"))
        {
            var mode = child.Type == "Elsa.FlowJoin" ? FlowJoinMarker : RawMergeMode(child);
            if (mode is not null && !string.Equals(mode, "None", StringComparison.OrdinalIgnoreCase))
            {
                modes[child.Id] = Known.FirstOrDefault(k => string.Equals(k, mode, StringComparison.OrdinalIgnoreCase)) ?? mode;
            }
        }

        return modes;
    }

    private static string? RawMergeMode(ActivityNode activity) =>
        JsonLookup.Get(activity.Json, "customProperties") is JsonObject custom && JsonLookup.Get(custom, "mergeMode") is JsonValue value
            ? value.TryGetValue<string>(out var text) ? text : value.TryGetValue<int>(out var number) && number >= 0 && number < Known.Length ? Known[number] : value.ToJsonString()
            : null;

    private static FlowchartMode? DeclaredMode(WorkflowDocument document, DiagnosticBag diagnostics)
    {
        if (JsonLookup.Get(document.Json, "customProperties") is not JsonObject custom || JsonLookup.Get(custom, ExecutionModeKey) is not JsonValue value)
        {
            return null;
        }

        var text = value.TryGetValue<string>(out var s) ? s : value.ToJsonString();
        switch (text)
        {
            case "TokenBased" or "1":
                return FlowchartMode.TokenBased;
            case "CounterBased" or "2":
                return FlowchartMode.CounterBased;
            case "Default" or "0":
                return null;
            default:
                diagnostics.Error(
                    WorkflowDiagnostics.UnknownFlowMode,
                    $"customProperties.\"{ExecutionModeKey}\" is '{text}'; use TokenBased, CounterBased or Default.",
                    "/customProperties/" + Definitions.JsonLineMap.Escape(ExecutionModeKey));
                return null;
        }
    }
}
