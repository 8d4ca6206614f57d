using System.Text.Json.Nodes;
using Dvc.Engine.Sdk;
using Dvc.Engine.Sdk.Hosting;

namespace Dvc.Engine.Core.Workflows.Dossiers;

/// <summary>
/// The SDK's <see cref="IDossierRun"/> over the host's <see cref="IDossierServices"/> for one dossier: plugin
/// activities get the same model the domain activities render with, and their effects land in the same collector.
/// </summary>
internal sealed class DossierRun(IDossierServices services, DossierInfo dossier) : IDossierRun
{
    public ValueTask<string?> RenderTemplateAsync(string templateName, string culture, JsonObject? extra, CancellationToken cancellationToken) =>
        services.RenderTemplateAsync(templateName, DossierModel.For(dossier), culture, extra, cancellationToken);

    public ValueTask IssueDocumentAsync(NewDossierDocument document, CancellationToken cancellationToken) =>
        services.IssueDocumentAsync(document, cancellationToken);

    public ValueTask EnqueueAsync(OutboxItem item, CancellationToken cancellationToken) => services.EnqueueAsync(item, cancellationToken);

    public ValueTask AppendNoteAsync(DossierNote note, CancellationToken cancellationToken) => services.AppendNoteAsync(note, cancellationToken);
}
