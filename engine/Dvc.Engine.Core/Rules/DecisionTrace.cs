using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dvc.Engine.Core.Rules;

/// <summary>Which procedure version decided, as of which day, and every rule that ran — plain data, serialisable as JSON.</summary>
public sealed record DecisionTrace(string ProcedureCode, string Version, string ContentHash, DateOnly SubmittedOn, IReadOnlyList<RuleTrace> Rules)
{
    public DecisionTrace Concat(DecisionTrace other) => this with { Rules = [.. Rules, .. other.Rules] };

    public JsonNode ToJson() => JsonSerializer.SerializeToNode(this, TraceJson.Options)!;
}
