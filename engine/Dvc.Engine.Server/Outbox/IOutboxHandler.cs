using Dvc.Engine.Persistence.Outbox;

namespace Dvc.Engine.Server.Outbox;

/// <summary>
/// Delivers outbox messages of one <see cref="Kind"/> (notification, national-portal-sync, …). A seam because plugins
/// deliver for real (SMTP, SMS, the national portal); the server's local handlers record and log.
/// Throwing means "retry later".
/// </summary>
internal interface IOutboxHandler
{
    string Kind { get; }

    /// <summary>Attempts before the message is dead-lettered.</summary>
    int MaxAttempts => 10;

    /// <summary>The wait after the <paramref name="attempts"/>-th failed attempt: 2, 4, 8… minutes, at most about an hour.</summary>
    TimeSpan RetryDelay(int attempts) => TimeSpan.FromMinutes(1 << Math.Min(attempts, 6));

    Task HandleAsync(OutboxMessageRecord message, CancellationToken ct);
}
