using System.Text.Json.Nodes;
using Dvc.Engine.Sdk;
using Dvc.Engine.Sdk.Hosting;

namespace Dvc.Engine.Core.Workflows.Dossiers;

/// <summary>
/// The one seam through which the <c>Dvc.</c> domain activities reach the host: rules, templates, the notification
/// and national-portal outboxes and the issued-result record. The server implements it over its real engines and
/// stores; <see cref="InMemoryDossierServices"/> serves <c>dvc run</c> and tests.
/// </summary>
public interface IDossierServices
{
    /// <summary>Evaluates the rules workflow <paramref name="workflowName"/> (a RulesEngine workflow of the procedure) on the dossier.</summary>
    ValueTask<RulesEvaluation> EvaluateRulesAsync(string workflowName, DossierInfo dossier, CancellationToken cancellationToken);

    /// <summary>Renders the procedure template <paramref name="templateName"/> with <paramref name="model"/> (<c>data</c>, <c>dossier</c>).</summary>
    ValueTask<string> RenderTemplateAsync(string templateName, JsonObject model, CancellationToken cancellationToken);

    /// <summary>
    /// Renders a template in <paramref name="culture"/> with <paramref name="extra"/> as further top-level values, for
    /// plugin activities (<see cref="IDossierRun"/>); null when it does not exist or failed.
    /// </summary>
    ValueTask<string?> RenderTemplateAsync(string templateName, JsonObject model, string culture, JsonObject? extra, CancellationToken cancellationToken);

    /// <summary>Keeps a document issued by a plugin activity, stored with the run.</summary>
    ValueTask IssueDocumentAsync(NewDossierDocument document, CancellationToken cancellationToken);

    /// <summary>Keeps a plugin's outbox message, stored with the run.</summary>
    ValueTask EnqueueAsync(OutboxItem item, CancellationToken cancellationToken);

    /// <summary>Keeps a plugin's history entry, stored with the run.</summary>
    ValueTask AppendNoteAsync(DossierNote note, CancellationToken cancellationToken);

    /// <summary>Queues a notification to the citizen.</summary>
    ValueTask EnqueueNotificationAsync(DossierNotification notification, CancellationToken cancellationToken);

    /// <summary>Queues a status update to the national public-service portal.</summary>
    ValueTask EnqueuePortalSyncAsync(PortalSync sync, CancellationToken cancellationToken);

    /// <summary>Records the result issued for the dossier (the rendered decision document).</summary>
    ValueTask RecordResultAsync(IssuedResult result, CancellationToken cancellationToken);
}

/// <summary>The outcome of a rules workflow: passed or not, and what the rules computed.</summary>
public sealed record RulesEvaluation(bool Passed, JsonNode? Output = null)
{
    /// <summary>A procedure's rules workflow result as <c>Dvc.EvaluateRules</c> sees it: output <c>{ passed: [names], failed: [names] }</c>.</summary>
    public static RulesEvaluation From(Rules.RuleWorkflowResult result) => new(result.AllPassed, new JsonObject
    {
        ["passed"] = new JsonArray([.. result.PassedRules.Select(r => (JsonNode)JsonValue.Create(r))]),
        ["failed"] = new JsonArray([.. result.FailedRules.Select(r => (JsonNode)JsonValue.Create(r))]),
    });
}

/// <summary>A notification to send: channel <c>email</c> or <c>sms</c>, the template used and the rendered text.</summary>
public sealed record DossierNotification(string DossierCode, string Channel, string Template, string Text);

/// <summary>A status to push to the national portal.</summary>
public sealed record PortalSync(string DossierCode, string Status);

/// <summary>A result issued for a dossier: the decision (Approved/Rejected), the template and the rendered text.</summary>
public sealed record IssuedResult(string DossierCode, string Decision, string Template, string Text);
