namespace Dvc.Engine.Persistence.Timers;

public sealed record TimerRecord(Guid Id, Guid InstanceId, Guid BookmarkId, DateTimeOffset DueAt, string? LeaseOwner, DateTimeOffset? LeaseUntil);
