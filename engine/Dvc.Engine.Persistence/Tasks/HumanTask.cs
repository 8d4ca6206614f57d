namespace Dvc.Engine.Persistence.Tasks;

/// <summary>An item in an officer inbox: a workflow waits on its bookmark until an officer completes it.</summary>
public sealed class HumanTask : IVersioned
{
    public Guid Id { get; set; }

    public Guid DossierId { get; set; }

    public Guid InstanceId { get; set; }

    public Guid BookmarkId { get; set; }

    public string AgencyCode { get; set; } = string.Empty;

    /// <summary>The procedure role that may act (procedure.json roles[].id).</summary>
    public string Role { get; set; } = string.Empty;

    public string Title { get; set; } = string.Empty;

    public HumanTaskStatus Status { get; set; }

    public string? ClaimedBy { get; set; }

    public DateTimeOffset? ClaimedAt { get; set; }

    /// <summary>The outcome chosen on completion (Approve, Reject, RequestSupplement…).</summary>
    public string? Outcome { get; set; }

    public string? CompletedBy { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? DueAt { get; set; }

    public long Version { get; set; }
}
