namespace Dvc.Engine.Core.Workflows;

/// <summary>
/// What the compiler checks a workflow against. <paramref name="Roles"/>: the procedure's officer roles (null skips
/// the role check, for a workflow compiled on its own). <paramref name="Registry"/>: the activity types.
/// <paramref name="Templates"/> and <paramref name="RulesWorkflows"/>: the procedure's template names and rules workflow
/// names, which <c>Dvc.IssueResult</c>/<c>Dvc.Notify</c> and <c>Dvc.EvaluateRules</c> must name (null skips the check); with
/// templates the workflow is a procedure's, and a path that finishes without <c>Dvc.IssueResult</c> is a warning.
/// </summary>
public sealed record WorkflowCompileContext(
    IReadOnlyCollection<string>? Roles,
    ActivityRegistry Registry,
    IReadOnlyCollection<string>? Templates = null,
    IReadOnlyCollection<string>? RulesWorkflows = null)
{
    /// <summary>The default registry and no cross-checks.</summary>
    public static WorkflowCompileContext Default { get; } = new(null, ActivityRegistry.CreateDefault());
}
