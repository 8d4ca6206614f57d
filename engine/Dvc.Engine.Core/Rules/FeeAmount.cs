namespace Dvc.Engine.Core.Rules;

/// <summary>
/// A fee rule's amount: a constant, a compiled expression over input, ctx and scoped params, or effective-dated
/// <see cref="Rates"/> (each with its own amount) of which the one valid on the submission date applies.
/// </summary>
internal sealed record FeeAmount(decimal? Constant, Func<object?[], object?>? Compute, string? Expression, IReadOnlyCollection<string> Reads, IReadOnlyList<FeeRate>? Rates = null);
