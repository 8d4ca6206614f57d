using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Dvc.Engine.Sdk;
using Dvc.Engine.Sdk.Hosting;

namespace Dvc.Engine.Core.Workflows.Dossiers;

/// <summary>
/// <see cref="IDossierServices"/> kept in memory, for <c>dvc run</c> and tests. Rules and templates are delegates so
/// the host plugs in the real RulesEngine and Scriban renderers; without them every rules workflow passes and a
/// template renders as its name followed by the model.
/// </summary>
public sealed class InMemoryDossierServices(
    Func<string, DossierInfo, RulesEvaluation>? rules = null,
    Func<string, JsonObject, string>? templates = null) : IDossierServices
{
    private readonly ConcurrentQueue<DossierNotification> _notifications = new();
    private readonly ConcurrentQueue<PortalSync> _portalSyncs = new();
    private readonly ConcurrentQueue<IssuedResult> _results = new();
    private readonly ConcurrentQueue<NewDossierDocument> _documents = new();
    private readonly ConcurrentQueue<OutboxItem> _items = new();
    private readonly ConcurrentQueue<DossierNote> _notes = new();

    /// <summary>Notifications queued so far.</summary>
    public IReadOnlyList<DossierNotification> Notifications => _notifications.ToList();

    /// <summary>Portal syncs queued so far.</summary>
    public IReadOnlyList<PortalSync> PortalSyncs => _portalSyncs.ToList();

    /// <summary>Results issued so far.</summary>
    public IReadOnlyList<IssuedResult> IssuedResults => _results.ToList();

    /// <summary>Documents plugin activities issued so far.</summary>
    public IReadOnlyList<NewDossierDocument> Documents => _documents.ToList();

    /// <summary>Outbox messages plugin activities queued so far.</summary>
    public IReadOnlyList<OutboxItem> OutboxItems => _items.ToList();

    /// <summary>History entries plugin activities added so far.</summary>
    public IReadOnlyList<DossierNote> Notes => _notes.ToList();

    /// <inheritdoc />
    public ValueTask<RulesEvaluation> EvaluateRulesAsync(string workflowName, DossierInfo dossier, CancellationToken cancellationToken) =>
        ValueTask.FromResult(rules?.Invoke(workflowName, dossier) ?? new RulesEvaluation(true));

    /// <inheritdoc />
    public ValueTask<string> RenderTemplateAsync(string templateName, JsonObject model, CancellationToken cancellationToken) =>
        ValueTask.FromResult(templates?.Invoke(templateName, model) ?? $"[{templateName}] {model.ToJsonString()}");

    /// <inheritdoc />
    /// <remarks>In memory every culture renders the one template (Vietnamese first); <paramref name="extra"/> is merged in.</remarks>
    public ValueTask<string?> RenderTemplateAsync(string templateName, JsonObject model, string culture, JsonObject? extra, CancellationToken cancellationToken)
    {
        foreach (var (name, value) in extra ?? [])
        {
            model.TryAdd(name, value?.DeepClone());
        }

        model["culture"] = culture;
        return ValueTask.FromResult<string?>(templates?.Invoke(templateName, model) ?? $"[{templateName}] {model.ToJsonString()}");
    }

    /// <inheritdoc />
    public ValueTask IssueDocumentAsync(NewDossierDocument document, CancellationToken cancellationToken)
    {
        _documents.Enqueue(document);
        if (document.Decision is { } decision)
        {
            _results.Enqueue(new IssuedResult(string.Empty, decision, document.Template ?? document.Kind, document.Text));
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask EnqueueAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        _items.Enqueue(item);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask AppendNoteAsync(DossierNote note, CancellationToken cancellationToken)
    {
        _notes.Enqueue(note);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask EnqueueNotificationAsync(DossierNotification notification, CancellationToken cancellationToken)
    {
        _notifications.Enqueue(notification);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask EnqueuePortalSyncAsync(PortalSync sync, CancellationToken cancellationToken)
    {
        _portalSyncs.Enqueue(sync);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask RecordResultAsync(IssuedResult result, CancellationToken cancellationToken)
    {
        _results.Enqueue(result);
        return ValueTask.CompletedTask;
    }
}
