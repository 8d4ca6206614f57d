namespace Dvc.Engine.Core.Workflows;

/// <summary>
/// What the compiler checks a workflow against: the procedure's officer roles (null skips the role check, for a
/// workflow compiled on its own) and the registry of activity types.
/// </summary>
public sealed record WorkflowCompileContext(IReadOnlyCollection<string>? Roles, ActivityRegistry Registry)
{
    /// <summary>The default registry and no role check.</summary>
    public static WorkflowCompileContext Default { get; } = new(null, ActivityRegistry.CreateDefault());
}
