using Dvc.Engine.Core.Definitions;

namespace Dvc.Engine.Core.Rules;

/// <summary>An eligibility rule that did not hold, with the reason shown to the citizen; <see cref="Error"/> when it could not be evaluated.</summary>
public sealed record FailedRule(string Rule, LocalizedText Reason, string? Error = null);
