using Dvc.Engine.Persistence.Outbox;

namespace Dvc.Engine.Persistence.Workflows;

/// <summary>A human task to open together with its bookmark.</summary>
public sealed record HumanTaskSpec(string AgencyCode, string Role, string Title, DateTimeOffset? DueAt = null);

/// <summary>
/// A bookmark to create. With <paramref name="DueAt"/> a timer row is scheduled for it; with <paramref name="Task"/>
/// a human task is opened in an officer inbox; both in the same transaction as the state.
/// </summary>
public sealed record NewBookmark(
    string ActivityId,
    string Name,
    string Hash,
    string? PayloadJson = null,
    DateTimeOffset? DueAt = null,
    HumanTaskSpec? Task = null);

/// <summary>A state save: the caller names the version it read; new bookmarks and outbox messages commit with it.</summary>
public sealed record WorkflowStateUpdate(Guid InstanceId, long ExpectedVersion, string StateJson, string Status)
{
    public IReadOnlyList<NewBookmark> NewBookmarks { get; init; } = [];

    public IReadOnlyList<NewOutboxMessage> OutboxMessages { get; init; } = [];
}

public sealed record WorkflowInstanceRecord(
    Guid Id,
    Guid DossierId,
    string StateJson,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    long Version);

public sealed record BookmarkRecord(
    Guid Id,
    Guid InstanceId,
    string ActivityId,
    string Name,
    string Hash,
    string? PayloadJson,
    DateTimeOffset? DueAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ConsumedAt,
    string? ConsumedBy);

public enum WorkflowSaveOutcome
{
    Saved,
    NotFound,
    /// <summary>The state moved on since the caller read it (another node resumed the instance).</summary>
    Conflict,
}

/// <summary><paramref name="Version"/> is the new state version (the one to name on the next save).</summary>
public sealed record WorkflowSaveResult(WorkflowSaveOutcome Outcome, Guid InstanceId, long Version, IReadOnlyList<BookmarkRecord> Bookmarks);

public enum BookmarkConsumeOutcome
{
    Consumed,
    NotFound,
    /// <summary>Someone else consumed it first: the stimulus must not resume the workflow again.</summary>
    AlreadyConsumed,
}

public sealed record BookmarkConsumeResult(BookmarkConsumeOutcome Outcome, string? ConsumedBy, DateTimeOffset? ConsumedAt);
