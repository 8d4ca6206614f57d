namespace Dvc.Engine.Core.Rules;

/// <summary>
/// The fee in whole VND (sum of the lines, each rounded half away from zero) and the lines that make it up.
/// <see cref="Errors"/> lists fee rules that could not be evaluated (no rate valid on the day, an arithmetic error);
/// when it is not empty the total is incomplete and should not be charged.
/// </summary>
public sealed record FeeResult(long Total, IReadOnlyList<FeeLine> Lines, DecisionTrace Trace, IReadOnlyList<FailedRule> Errors)
{
    public bool IsComplete => Errors.Count == 0;
}
