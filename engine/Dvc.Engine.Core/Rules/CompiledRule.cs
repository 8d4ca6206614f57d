using System.Text.Json.Nodes;
using Dvc.Engine.Core.Definitions;

namespace Dvc.Engine.Core.Rules;

/// <summary>A rule after compilation: what it reads and what it means in its workflow (reason, fee amount, attachment).</summary>
internal sealed record CompiledRule(
    string Name,
    string Expression,
    IReadOnlyCollection<string> Reads,
    LocalizedText? Reason,
    LocalizedText? Label,
    FeeAmount? Amount,
    string? Attachment,
    LocalizedText? Note,
    IReadOnlyList<CompiledScopedParam> LocalParams);

/// <summary>A fee rule's amount: a constant, or a compiled expression over input, ctx and scoped params.</summary>
internal sealed record FeeAmount(decimal? Constant, Func<object?[], object?>? Compute, string? Expression, IReadOnlyCollection<string> Reads)
{
    public JsonNode? Describe => Expression is null ? JsonValue.Create(Constant) : JsonValue.Create(Expression);
}

/// <summary>A RulesEngine global or local param, compiled so fee amounts can use it too.</summary>
internal sealed record CompiledScopedParam(string Name, Type Type, Func<object?[], object?> Compute);
