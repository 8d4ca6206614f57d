namespace Dvc.Engine.Persistence.Outbox;

/// <summary>A message to deliver; <paramref name="NotBefore"/> delays the first attempt.</summary>
public sealed record NewOutboxMessage(string Kind, string PayloadJson, DateTimeOffset? NotBefore = null)
{
    /// <summary>Delivered in <see cref="Sequence"/> order with the other messages of this key (see <see cref="OutboxMessage.OrderingKey"/>).</summary>
    public string? OrderingKey { get; init; }

    public long Sequence { get; init; }
}

public sealed record OutboxMessageRecord(
    Guid Id,
    string Kind,
    string PayloadJson,
    DateTimeOffset CreatedAt,
    int Attempts,
    DateTimeOffset NextAttemptAt,
    string? LastError,
    string? LeaseOwner,
    DateTimeOffset? LeaseUntil,
    DateTimeOffset? DeliveredAt,
    DateTimeOffset? DeadLetteredAt);

public enum OutboxFailureOutcome
{
    /// <summary>Scheduled for another attempt.</summary>
    Retrying,
    /// <summary>Attempts exhausted; it waits for a person.</summary>
    DeadLettered,
    /// <summary>The caller no longer holds the lease; another node owns the message now.</summary>
    LeaseLost,
}
