using System.Linq.Expressions;

namespace Dvc.Engine.Core.Rules;

/// <summary>A rule expression after parsing and sandboxing: the lambda when it is usable, the fields it reads, or why not.</summary>
internal sealed record ParsedExpression(
    LambdaExpression? Lambda,
    IReadOnlyCollection<string> Reads,
    RuleParseError? Error,
    int Position,
    IReadOnlyList<string> Violations)
{
    public bool Ok => Lambda is not null && Error is null && Violations.Count == 0;
}
