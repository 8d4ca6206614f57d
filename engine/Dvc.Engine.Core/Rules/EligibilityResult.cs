namespace Dvc.Engine.Core.Rules;

/// <summary>Whether every eligibility rule held; the failed ones carry their reasons.</summary>
public sealed record EligibilityResult(bool Eligible, IReadOnlyList<FailedRule> FailedRules, DecisionTrace Trace);
