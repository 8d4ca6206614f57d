namespace Dvc.Engine.Core.Rules;

/// <summary>
/// A procedure's rules were stopped before they decided: they ran past their time, step or memory budget. The submission
/// cannot be decided by these rules, so it is refused as a whole (never half-evaluated); the reason names the rule so the
/// agency can fix the definition. Hosts log it and answer with a problem, never a crash or a hung request.
/// </summary>
public sealed class RuleEvaluationRefusedException(string procedure, string workflow, string? rule, string reason)
    : Exception($"The rules of {procedure} ('{workflow}'{(rule is null ? string.Empty : $", rule '{rule}'")}) were stopped: {reason}.")
{
    /// <summary>Code and version of the procedure, e.g. <c>HN-TP-001@1.0.0</c>.</summary>
    public string Procedure { get; } = procedure;

    public string Workflow { get; } = workflow;

    public string? Rule { get; } = rule;

    public string Reason { get; } = reason;
}
