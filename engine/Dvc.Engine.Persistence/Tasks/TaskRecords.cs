namespace Dvc.Engine.Persistence.Tasks;

public sealed record HumanTaskRecord(
    Guid Id,
    Guid DossierId,
    Guid InstanceId,
    Guid BookmarkId,
    string AgencyCode,
    string Role,
    string Title,
    HumanTaskStatus Status,
    string? ClaimedBy,
    DateTimeOffset? ClaimedAt,
    string? Outcome,
    string? CompletedBy,
    DateTimeOffset? CompletedAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DueAt,
    long Version);

public enum TaskChangeOutcome
{
    Succeeded,
    NotFound,
    /// <summary>The task is not in the state the change needs (claimed by someone else, already done, version moved).</summary>
    Conflict,
}

/// <summary><paramref name="Task"/> is the task as it is now (after the change, or what blocked it); null when not found.</summary>
public sealed record TaskChangeResult(TaskChangeOutcome Outcome, HumanTaskRecord? Task);
