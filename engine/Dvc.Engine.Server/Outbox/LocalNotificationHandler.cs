using System.Text.Json.Nodes;
using Dvc.Engine.Persistence.Dossiers;
using Dvc.Engine.Persistence.Outbox;
using Dvc.Engine.Server.Workflows;

namespace Dvc.Engine.Server.Outbox;

/// <summary>
/// Without a notification plugin, a notification is recorded on the dossier (the citizen reads it in the history)
/// and logged, so the workflow's <c>Dvc.Notify</c> steps are visible end to end.
/// </summary>
internal sealed partial class LocalNotificationHandler(DossierStore dossiers, ILogger<LocalNotificationHandler> logger) : IOutboxHandler
{
    public string Kind => "notification";

    public async Task HandleAsync(OutboxMessageRecord message, CancellationToken ct)
    {
        var payload = JsonNode.Parse(message.PayloadJson) as JsonObject ?? [];
        var code = payload["dossierCode"]?.GetValue<string>() ?? "";
        var channel = payload["channel"]?.GetValue<string>() ?? "email";
        LogNotification(logger, code, channel, payload["template"]?.GetValue<string>() ?? "");
        if (await dossiers.GetByCodeAsync(code, ct) is { } dossier)
        {
            await dossiers.AppendEventAsync(
                dossier.Id,
                new NewDossierEvent("system", DossierEvents.Notified, new JsonObject { ["channel"] = channel, ["template"] = payload["template"]?.DeepClone() }.ToJsonString(), payload["text"]?.GetValue<string>()),
                ct);
        }
    }

    [LoggerMessage(EventId = 5600, Level = LogLevel.Information, Message = "Notification for dossier {Code} via {Channel} ({Template}) recorded locally")]
    private static partial void LogNotification(ILogger logger, string code, string channel, string template);
}
