using System.Linq.Expressions;

namespace Dvc.Engine.Core.Rules;

/// <summary>
/// A rule expression after parsing and sandboxing: the lambda when it is usable, the fields it reads, or why not; and whether
/// it is a sequence whose items charge the evaluation budget (a param holding one may be looped over).
/// </summary>
internal sealed record ParsedExpression(
    LambdaExpression? Lambda,
    IReadOnlyCollection<string> Reads,
    RuleParseError? Error,
    int Position,
    IReadOnlyList<string> Violations,
    bool Metered = false)
{
    public bool Ok => Lambda is not null && Error is null && Violations.Count == 0;
}
