namespace Dvc.Engine.Persistence.Outbox;

/// <summary>
/// A message to deliver outside the database (notification, national-portal sync), written in the same transaction
/// as the change that caused it and delivered at least once by a leased dispatcher.
/// </summary>
public sealed class OutboxMessage : IVersioned
{
    public Guid Id { get; set; }

    /// <summary>Which handler delivers it (e.g. "notify.email", "national-portal.sync").</summary>
    public string Kind { get; set; } = string.Empty;

    public string PayloadJson { get; set; } = "{}";

    /// <summary>
    /// Messages with the same key are delivered one at a time in <see cref="Sequence"/> order: a message waits while an
    /// earlier one of its key is undelivered (pending, retrying or dead-lettered). Null: no order.
    /// </summary>
    public string? OrderingKey { get; set; }

    /// <summary>The position within <see cref="OrderingKey"/> (a dossier event's sequence); 0 without a key.</summary>
    public long Sequence { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public string? LastError { get; set; }

    public string? LeaseOwner { get; set; }

    public DateTimeOffset? LeaseUntil { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }

    public DateTimeOffset? DeadLetteredAt { get; set; }

    public long Version { get; set; }
}
