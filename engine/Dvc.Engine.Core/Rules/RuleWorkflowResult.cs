namespace Dvc.Engine.Core.Rules;

/// <summary>The outcome of any named rules workflow (for <c>Dvc.EvaluateRules</c> in a workflow): which rules held.</summary>
public sealed record RuleWorkflowResult(string Workflow, bool AllPassed, IReadOnlyList<string> PassedRules, IReadOnlyList<string> FailedRules, DecisionTrace Trace);
