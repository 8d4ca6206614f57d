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

/// <summary>
/// A fee rule's amount: a constant, a compiled expression over input, ctx and scoped params, or effective-dated
/// <see cref="Rates"/> (each with its own amount) of which the one valid on the submission date applies.
/// </summary>
internal sealed record FeeAmount(decimal? Constant, Func<object?[], object?>? Compute, string? Expression, IReadOnlyCollection<string> Reads, IReadOnlyList<FeeRate>? Rates = null);

/// <summary>One row of an effective-dated tariff: valid from <see cref="From"/> to <see cref="To"/> inclusive (null = open).</summary>
internal sealed record FeeRate(DateOnly? From, DateOnly? To, FeeAmount Amount)
{
    public bool IsValidOn(DateOnly day) => (From is null || From <= day) && (To is null || day <= To);
}

/// <summary>A RulesEngine global or local param, compiled so fee amounts can use it too.</summary>
internal sealed record CompiledScopedParam(string Name, Type Type, Func<object?[], object?> Compute);
