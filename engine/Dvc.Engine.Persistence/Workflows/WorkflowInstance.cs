namespace Dvc.Engine.Persistence.Workflows;

/// <summary>The persisted state of one workflow run; saved at every bookmark.</summary>
public sealed class WorkflowInstance : IVersioned
{
    public Guid Id { get; set; }

    public Guid DossierId { get; set; }

    /// <summary>The interpreter's serialized state (variables, activity states, counters).</summary>
    public string StateJson { get; set; } = "{}";

    /// <summary>Running, Suspended, Finished, Faulted, Cancelled (interpreter-defined).</summary>
    public string Status { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>State version: every save must name the version it read.</summary>
    public long Version { get; set; }
}
