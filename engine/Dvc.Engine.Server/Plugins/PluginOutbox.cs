using Dvc.Engine.Persistence.Outbox;
using Dvc.Engine.Sdk.Hosting;

namespace Dvc.Engine.Server.Plugins;

/// <summary>The SDK's <see cref="IOutbox"/> over the outbox table; the request's transaction, when open, carries the write.</summary>
internal sealed class PluginOutbox(OutboxStore outbox) : IOutbox
{
    public async Task EnqueueAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        await outbox.EnqueueAsync(new NewOutboxMessage(item.Kind, item.Payload.ToJsonString(), item.NotBefore), cancellationToken);
    }
}
