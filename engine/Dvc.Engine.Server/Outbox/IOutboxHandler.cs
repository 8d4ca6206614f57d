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

    Task HandleAsync(OutboxMessageRecord message, CancellationToken ct);
}
