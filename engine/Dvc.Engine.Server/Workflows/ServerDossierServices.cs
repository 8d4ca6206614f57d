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

namespace Dvc.Engine.Server.Workflows;

/// <summary>
/// What the domain activities reach during one workflow run: the procedure's rules and templates, and collectors
/// for notifications, portal syncs and issued results that the caller persists with the new state (one transaction).
/// </summary>
/// <param name="paid">What the citizen has paid so far (payments received), which a refusal's letter may promise to refund.</param>
internal sealed class ServerDossierServices(CompiledProcedure procedure, DossierRecord dossier, JsonObject decision, long paid, DossierResults results, TimeProvider clock)
    : IDossierServices
{
    private readonly List<(NewOutboxMessage? Message, DossierNotification? Notification)> _outbox = [];

    public List<IssuedResult> Results { get; } = [];

    /// <summary>The payload the run was resumed with (an officer's decision, a payment, a supplement).</summary>
    public JsonObject Decision => decision;

    /// <summary>
    /// The run's outbox messages in order. Notifications are rendered here, once the run knows what the dossier now
    /// waits for: a notification sent on the way to a supplement or payment request (Notify runs before the wait) can
    /// then state the request's deadline as <c>dossier.request.deadline</c>.
    /// </summary>
    public IReadOnlyList<NewOutboxMessage> Outbox(CitizenRequest? request) =>
        [.. _outbox.Select(entry => entry.Message ?? new NewOutboxMessage("notification", new JsonObject
        {
            ["dossierCode"] = entry.Notification!.DossierCode,
            ["channel"] = entry.Notification.Channel,
            ["template"] = entry.Notification.Template,
            ["text"] = Render(entry.Notification.Template, null, request, CancellationToken.None) is { Success: true } rendered ? rendered.Text : entry.Notification.Text,
        }.ToJsonString()))];

    public ValueTask<RulesEvaluation> EvaluateRulesAsync(string workflowName, DossierInfo info, CancellationToken cancellationToken)
    {
        var data = JsonNode.Parse(info.Data.GetRawText()) as JsonObject ?? [];
        var submittedOn = WorkingCalendar.ToLocalDate(dossier.SubmittedAt);
        return ValueTask.FromResult(RulesEvaluation.From(procedure.EvaluateRules(workflowName, data, submittedOn)));
    }

    public ValueTask<string> RenderTemplateAsync(string templateName, JsonObject model, CancellationToken cancellationToken)
    {
        // An empty result would be issued as if it were the document; a template that fails faults the step instead,
        // so the officer sees why and can retry once the procedure is fixed.
        var rendered = Render(templateName, model, null, cancellationToken);
        return rendered.Success
            ? ValueTask.FromResult(rendered.Text)
            : throw new TemplateRenderException(templateName, rendered.Error ?? string.Empty);
    }

    public ValueTask EnqueueNotificationAsync(DossierNotification notification, CancellationToken cancellationToken)
    {
        _outbox.Add((null, notification));
        return ValueTask.CompletedTask;
    }

    public ValueTask EnqueuePortalSyncAsync(PortalSync sync, CancellationToken cancellationToken)
    {
        _outbox.Add((new NewOutboxMessage("national-portal-sync", new JsonObject
        {
            ["dossierCode"] = sync.DossierCode,
            ["status"] = sync.Status,
            ["at"] = clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
        }.ToJsonString()), null));
        return ValueTask.CompletedTask;
    }

    public ValueTask RecordResultAsync(IssuedResult result, CancellationToken cancellationToken)
    {
        Results.Add(result);
        return ValueTask.CompletedTask;
    }

    /// <summary>The template with the dossier as it is now (data, fee) and what it waits for.</summary>
    private RenderResult Render(string templateName, JsonObject? model, CitizenRequest? request, CancellationToken ct)
    {
        var data = model?["data"] as JsonObject ?? JsonNode.Parse(dossier.DataJson) as JsonObject ?? [];
        var dossierModel = results.DossierModel(
            dossier,
            decision["outcome"]?.GetValue<string>() ?? model?["dossier"]?["decision"]?.GetValue<string>(),
            decision["comment"]?.GetValue<string>(),
            decision["officer"]?.GetValue<string>(),
            paid);
        dossierModel["request"] = request?.ToTemplateModel();
        return procedure.Render(templateName, new TemplateModel((JsonObject)data.DeepClone(), dossierModel, WorkingCalendar.ToLocalDate(clock.GetUtcNow())), "vi", ct);
    }
}
