using System.Globalization;
using System.Text.Json.Nodes;
using Dvc.Engine.Core.Calendar;
using Dvc.Engine.Core.Definitions;
using Dvc.Engine.Core.Templates;
using Dvc.Engine.Core.Workflows.Dossiers;
using Dvc.Engine.Persistence.Dossiers;
using Dvc.Engine.Persistence.Outbox;
using Dvc.Engine.Server.Dossiers;
using Dvc.Engine.Sdk;
using Dvc.Engine.Sdk.Hosting;

namespace Dvc.Engine.Server.Workflows;

/// <summary>
/// What the domain activities reach during one workflow run: the procedure's rules and templates, and collectors
/// for notifications, portal syncs and issued results that the caller persists with the new state (one transaction).
/// </summary>
internal sealed class ServerDossierServices(CompiledProcedure procedure, DossierRecord dossier, JsonObject decision, DossierResults results, TimeProvider clock)
    : IDossierServices
{
    public List<NewOutboxMessage> Outbox { get; } = [];

    public List<IssuedResult> Results { get; } = [];

    public List<string> Notifications { get; } = [];

    /// <summary>Documents plugin activities issued (stored with the run).</summary>
    public List<NewDossierDocument> Documents { get; } = [];

    /// <summary>History entries plugin activities added (appended with the run).</summary>
    public List<DossierNote> Notes { get; } = [];

    public ValueTask<RulesEvaluation> EvaluateRulesAsync(string workflowName, DossierInfo info, CancellationToken cancellationToken)
    {
        var data = JsonNode.Parse(info.Data.GetRawText()) as JsonObject ?? [];
        var submittedOn = WorkingCalendar.ToLocalDate(dossier.SubmittedAt);
        return ValueTask.FromResult(RulesEvaluation.From(procedure.EvaluateRules(workflowName, data, submittedOn)));
    }

    public ValueTask<string> RenderTemplateAsync(string templateName, JsonObject model, CancellationToken cancellationToken)
    {
        var data = model["data"] as JsonObject ?? JsonNode.Parse(dossier.DataJson) as JsonObject ?? [];
        var dossierModel = results.DossierModel(
            dossier,
            decision["outcome"]?.GetValue<string>() ?? model["dossier"]?["decision"]?.GetValue<string>(),
            decision["comment"]?.GetValue<string>(),
            decision["officer"]?.GetValue<string>());
        var rendered = procedure.Render(templateName, new TemplateModel((JsonObject)data.DeepClone(), dossierModel, WorkingCalendar.ToLocalDate(clock.GetUtcNow())), "vi", cancellationToken);
        return ValueTask.FromResult(rendered.Success ? rendered.Text : string.Empty);
    }

    public ValueTask<string?> RenderTemplateAsync(string templateName, JsonObject model, string culture, JsonObject? extra, CancellationToken cancellationToken)
    {
        if (!procedure.Templates.ContainsKey(templateName))
        {
            return ValueTask.FromResult<string?>(null);
        }

        var data = model["data"] as JsonObject ?? JsonNode.Parse(dossier.DataJson) as JsonObject ?? [];
        var dossierModel = results.DossierModel(
            dossier,
            decision["outcome"]?.GetValue<string>() ?? model["dossier"]?["decision"]?.GetValue<string>(),
            decision["comment"]?.GetValue<string>(),
            decision["officer"]?.GetValue<string>());
        var rendered = procedure.Render(templateName, new TemplateModel((JsonObject)data.DeepClone(), dossierModel, WorkingCalendar.ToLocalDate(clock.GetUtcNow()), extra), culture, cancellationToken);
        return ValueTask.FromResult(rendered.Success ? rendered.Text : null);
    }

    public ValueTask IssueDocumentAsync(NewDossierDocument document, CancellationToken cancellationToken)
    {
        Documents.Add(document);
        if (document.Decision is { } outcome)
        {
            Results.Add(new IssuedResult(dossier.Code, outcome, document.Template ?? document.Kind, document.Text));
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask EnqueueAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        Outbox.Add(new NewOutboxMessage(item.Kind, item.Payload.ToJsonString(), item.NotBefore));
        return ValueTask.CompletedTask;
    }

    public ValueTask AppendNoteAsync(DossierNote note, CancellationToken cancellationToken)
    {
        Notes.Add(note);
        return ValueTask.CompletedTask;
    }

    public ValueTask EnqueueNotificationAsync(DossierNotification notification, CancellationToken cancellationToken)
    {
        Notifications.Add($"{notification.Channel}: {notification.Template}");
        Outbox.Add(new NewOutboxMessage("notification", new JsonObject
        {
            ["dossierCode"] = notification.DossierCode,
            ["channel"] = notification.Channel,
            ["template"] = notification.Template,
            ["text"] = notification.Text,
        }.ToJsonString()));
        return ValueTask.CompletedTask;
    }

    public ValueTask EnqueuePortalSyncAsync(PortalSync sync, CancellationToken cancellationToken)
    {
        Outbox.Add(new NewOutboxMessage("national-portal-sync", new JsonObject
        {
            ["dossierCode"] = sync.DossierCode,
            ["status"] = sync.Status,
            ["at"] = clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
        }.ToJsonString()));
        return ValueTask.CompletedTask;
    }

    public ValueTask RecordResultAsync(IssuedResult result, CancellationToken cancellationToken)
    {
        Results.Add(result);
        return ValueTask.CompletedTask;
    }
}
