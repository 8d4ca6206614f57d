namespace Dvc.Engine.Core.Rules;

/// <summary>The fee in whole VND (sum of the lines, rounded half away from zero) and the lines that make it up.</summary>
public sealed record FeeResult(long Total, IReadOnlyList<FeeLine> Lines, DecisionTrace Trace);
