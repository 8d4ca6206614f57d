using Dvc.Engine.Persistence.Outbox;

namespace Dvc.Engine.Server.Outbox;

/// <summary>
/// Delivers due outbox messages with the handler of their kind: claimed with a lease (one node per message), marked
/// delivered on success, retried later on failure, dead-lettered after too many attempts.
/// </summary>
internal sealed partial class OutboxDispatcher(
    OutboxStore outbox, IEnumerable<IOutboxHandler> handlers, IEnumerable<Sdk.Hosting.IOutboxDelivery> deliveries, ILogger<OutboxDispatcher> logger)
{
    private const int MaxAttempts = 10;
    private static readonly string Node = $"{Environment.MachineName}:{Environment.ProcessId}";

    public async Task<int> DispatchDueAsync(CancellationToken ct)
    {
        // A plugin's delivery replaces the server's local handler of the same kind (SMTP instead of a history line).
        var byKind = handlers.ToDictionary(h => h.Kind, StringComparer.Ordinal);
        foreach (var delivery in deliveries)
        {
            byKind[delivery.Kind] = new PluginDeliveryHandler(delivery);
        }

        var due = await outbox.ClaimDueAsync(Node, TimeSpan.FromMinutes(1), 50, ct);
        var delivered = 0;
        foreach (var message in due)
        {
            if (!byKind.TryGetValue(message.Kind, out var handler))
            {
                await outbox.MarkFailedAsync(message.Id, Node, $"No handler for '{message.Kind}'.", TimeSpan.FromHours(1), MaxAttempts, ct);
                continue;
            }

            try
            {
                await handler.HandleAsync(message, ct);
                await outbox.MarkDeliveredAsync(message.Id, Node, ct);
                delivered++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex, message.Id, message.Kind);
                await outbox.MarkFailedAsync(message.Id, Node, ex.Message, handler.RetryDelay(message.Attempts), handler.MaxAttempts, ct);
            }
        }

        return delivered;
    }

    [LoggerMessage(EventId = 5602, Level = LogLevel.Warning, Message = "Outbox message {MessageId} ({Kind}) failed; it will be retried")]
    private static partial void LogFailed(ILogger logger, Exception exception, Guid messageId, string kind);
}
