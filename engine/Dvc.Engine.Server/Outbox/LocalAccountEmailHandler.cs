using System.Text.Json.Nodes;
using Dvc.Engine.Persistence.Outbox;
using Dvc.Engine.Server.Accounts;

namespace Dvc.Engine.Server.Outbox;

/// <summary>
/// Without a notification plugin (no SMTP yet), an account e-mail is logged: with its link in Development, so a
/// developer can follow it; without the link elsewhere, since a log must not hold someone's password link.
/// </summary>
internal sealed partial class LocalAccountEmailHandler(IHostEnvironment environment, ILogger<LocalAccountEmailHandler> logger) : IOutboxHandler
{
    public string Kind => PasswordLinks.OutboxKind;

    public Task HandleAsync(OutboxMessageRecord message, CancellationToken ct)
    {
        var payload = JsonNode.Parse(message.PayloadJson) as JsonObject ?? [];
        var to = payload["to"]?.GetValue<string>() ?? "";
        var subject = payload["subject"]?.GetValue<string>() ?? "";
        if (environment.IsDevelopment())
        {
            LogWithLink(logger, to, subject, payload["link"]?.GetValue<string>() ?? "");
        }
        else
        {
            LogWithoutLink(logger, to, subject);
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 5610, Level = LogLevel.Information, Message = "Account e-mail to {To} ({Subject}) not sent: no mail plugin. Link: {Link}")]
    private static partial void LogWithLink(ILogger logger, string to, string subject, string link);

    [LoggerMessage(EventId = 5611, Level = LogLevel.Warning, Message = "Account e-mail to {To} ({Subject}) not sent: install a mail plugin")]
    private static partial void LogWithoutLink(ILogger logger, string to, string subject);
}
