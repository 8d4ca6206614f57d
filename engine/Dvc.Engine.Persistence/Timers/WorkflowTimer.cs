namespace Dvc.Engine.Persistence.Timers;

/// <summary>
/// A timer bookmark due at <see cref="DueAt"/>. A node claims it with a lease; if the node dies the lease expires and
/// another node claims it again, so a timer is neither lost nor fired twice by live nodes.
/// </summary>
public sealed class WorkflowTimer : IVersioned
{
    public Guid Id { get; set; }

    public Guid InstanceId { get; set; }

    public Guid BookmarkId { get; set; }

    public DateTimeOffset DueAt { get; set; }

    public string? LeaseOwner { get; set; }

    public DateTimeOffset? LeaseUntil { get; set; }

    public DateTimeOffset? FiredAt { get; set; }

    public long Version { get; set; }
}
