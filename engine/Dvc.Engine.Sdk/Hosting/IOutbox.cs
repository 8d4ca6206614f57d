namespace Dvc.Engine.Sdk.Hosting;

/// <summary>
/// Queues messages in the host's transactional outbox: written in the current database transaction when there is one
/// (a message queued while handling a signal commits with it), delivered later with retries. Resolve it from DI.
/// </summary>
public interface IOutbox
{
    /// <summary>Queues a message.</summary>
    /// <param name="item">The message.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    Task EnqueueAsync(OutboxItem item, CancellationToken cancellationToken);
}
