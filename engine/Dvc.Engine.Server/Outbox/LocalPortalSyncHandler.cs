using System.Text.Json.Nodes;
using Dvc.Engine.Persistence.Outbox;

namespace Dvc.Engine.Server.Outbox;

/// <summary>Without the national-portal plugin, status syncs are logged (structured) and acknowledged.</summary>
internal sealed partial class LocalPortalSyncHandler(ILogger<LocalPortalSyncHandler> logger) : IOutboxHandler
{
    public string Kind => "national-portal-sync";

    public Task HandleAsync(OutboxMessageRecord message, CancellationToken ct)
    {
        var payload = JsonNode.Parse(message.PayloadJson) as JsonObject ?? [];
        LogSync(logger, payload["dossierCode"]?.GetValue<string>() ?? "", payload["status"]?.GetValue<string>() ?? "");
        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 5601, Level = LogLevel.Information, Message = "National portal sync for dossier {Code}: {Status} (no portal configured; logged only)")]
    private static partial void LogSync(ILogger logger, string code, string status);
}
