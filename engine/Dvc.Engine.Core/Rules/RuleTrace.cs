using System.Text.Json.Nodes;

namespace Dvc.Engine.Core.Rules;

/// <summary>
/// One rule as it ran: the workflow, the rule, its expression, the form values it read (by JSON pointer), whether it held,
/// what it produced (a fee amount, an attachment id) and any error. Stored with the dossier so a decision can be explained.
/// </summary>
public sealed record RuleTrace(
    string Workflow,
    string Rule,
    string Expression,
    bool Success,
    IReadOnlyDictionary<string, JsonNode?> Inputs,
    JsonNode? Output = null,
    string? Error = null);
