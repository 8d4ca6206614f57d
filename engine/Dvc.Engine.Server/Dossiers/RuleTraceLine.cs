using System.Text.Json.Nodes;
using Dvc.Engine.Core.Definitions;

namespace Dvc.Engine.Server.Dossiers;

/// <summary>
/// One rule that decided eligibility, fee or checklist: what people call it (<see cref="Title"/>, never its id),
/// whether it held, the form values it read (by JSON pointer) and, for a fee rule, the amount it added.
/// </summary>
internal sealed record RuleTraceLine(
    string Workflow,
    string Rule,
    LocalizedText Title,
    bool Passed,
    string? Message,
    IReadOnlyList<KeyValuePair<string, JsonNode?>> Inputs,
    long? Amount)
{
    public bool IsEligibility => Workflow == "eligibility";
}
