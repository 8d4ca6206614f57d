namespace Dvc.Engine.Persistence.Workflows;

/// <summary>A point where a workflow waits for a stimulus (human task outcome, payment, supplement, timer).</summary>
public sealed class Bookmark : IVersioned
{
    public Guid Id { get; set; }

    public Guid InstanceId { get; set; }

    public string ActivityId { get; set; } = string.Empty;

    /// <summary>The kind of stimulus: Dvc.HumanTask, Dvc.RequestPayment, Elsa.Timer…</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>Hash of the stimulus the bookmark matches (e.g. a payment reference), for lookup without the payload.</summary>
    public string Hash { get; set; } = string.Empty;

    public string? PayloadJson { get; set; }

    /// <summary>For timers: when it fires.</summary>
    public DateTimeOffset? DueAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ConsumedAt { get; set; }

    public string? ConsumedBy { get; set; }

    public long Version { get; set; }
}
