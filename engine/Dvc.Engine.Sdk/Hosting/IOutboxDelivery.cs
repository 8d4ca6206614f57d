namespace Dvc.Engine.Sdk.Hosting;

/// <summary>
/// Delivers outbox messages of one <see cref="Kind"/> to the outside world (an SMTP server, the national portal).
/// Register implementations in DI; the host's dispatcher claims due messages with a lease, calls
/// <see cref="DeliverAsync"/>, and on an exception retries after <see cref="RetryDelay"/> until
/// <see cref="MaxAttempts"/>, then dead-letters the message for a system admin to retry. Delivery is at least once:
/// make it idempotent (<see cref="OutboxEnvelope.Id"/> is stable). A delivery for a kind the host also handles
/// (<c>notification</c>, <c>national-portal-sync</c>) replaces the host's local handler.
/// </summary>
public interface IOutboxDelivery
{
    /// <summary>The message kind delivered.</summary>
    string Kind { get; }

    /// <summary>
    /// Dossier event kinds this delivery subscribes to (<c>Submitted</c>, <c>StatusChanged</c>…): each such event,
    /// when written, also writes a message of <see cref="Kind"/> in the same transaction, and those messages are
    /// delivered in the order of the dossier's history: one waits while an earlier one for the same dossier is pending,
    /// retrying or dead-lettered. Empty by default.
    /// </summary>
    IReadOnlyCollection<string> DossierEvents => [];

    /// <summary>Attempts before the message is dead-lettered.</summary>
    int MaxAttempts => 10;

    /// <summary>How long to wait after the <paramref name="attempts"/>-th failed attempt: 1, 2, 4… minutes, at most an hour.</summary>
    /// <param name="attempts">Attempts made so far (1 after the first failure).</param>
    TimeSpan RetryDelay(int attempts) => TimeSpan.FromMinutes(Math.Min(60, 1 << Math.Min(Math.Max(attempts - 1, 0), 6)));

    /// <summary>Delivers the message; throw to have it retried.</summary>
    /// <param name="message">The message.</param>
    /// <param name="cancellationToken">Cancelled when the host stops.</param>
    Task DeliverAsync(OutboxEnvelope message, CancellationToken cancellationToken);
}
