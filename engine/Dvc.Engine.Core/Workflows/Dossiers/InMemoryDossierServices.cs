using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Dvc.Engine.Sdk;

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

    /// <summary>Notifications queued so far.</summary>
    public IReadOnlyList<DossierNotification> Notifications => _notifications.ToList();

    /// <summary>Portal syncs queued so far.</summary>
    public IReadOnlyList<PortalSync> PortalSyncs => _portalSyncs.ToList();

    /// <summary>Results issued so far.</summary>
    public IReadOnlyList<IssuedResult> IssuedResults => _results.ToList();

    /// <inheritdoc />
    public ValueTask<RulesEvaluation> EvaluateRulesAsync(string workflowName, DossierInfo dossier, CancellationToken cancellationToken) =>
        ValueTask.FromResult(rules?.Invoke(workflowName, dossier) ?? new RulesEvaluation(true));

    /// <inheritdoc />
    public ValueTask<string> RenderTemplateAsync(string templateName, JsonObject model, CancellationToken cancellationToken) =>
        ValueTask.FromResult(templates?.Invoke(templateName, model) ?? $"[{templateName}] {model.ToJsonString()}");

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
