namespace Dvc.Engine.Core.Rules;

/// <summary>Thrown inside rule code when its <see cref="RuleBudget"/> is spent; turned into a <see cref="RuleEvaluationRefusedException"/>.</summary>
internal sealed class RuleBudgetExceededException(string message) : Exception(message);
