using System.Text.Json.Nodes;
using Dvc.Engine.Persistence.Outbox;
using Dvc.Engine.Sdk.Hosting;

namespace Dvc.Engine.Server.Outbox;

/// <summary>A plugin's <see cref="IOutboxDelivery"/> as the dispatcher runs it, with the plugin's retry policy.</summary>
internal sealed class PluginDeliveryHandler(IOutboxDelivery delivery) : IOutboxHandler
{
    public string Kind => delivery.Kind;

    public int MaxAttempts => delivery.MaxAttempts;

    public TimeSpan RetryDelay(int attempts) => delivery.RetryDelay(attempts);

    public Task HandleAsync(OutboxMessageRecord message, CancellationToken ct) =>
        delivery.DeliverAsync(new OutboxEnvelope(message.Id, message.Kind, JsonNode.Parse(message.PayloadJson) as JsonObject ?? [], message.Attempts, message.CreatedAt), ct);
}
