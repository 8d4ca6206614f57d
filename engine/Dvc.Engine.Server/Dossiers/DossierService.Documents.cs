using Dvc.Engine.Persistence.Dossiers;
using Dvc.Engine.Server.Accounts;
using Dvc.Engine.Server.Forms;

namespace Dvc.Engine.Server.Dossiers;

internal sealed partial class DossierService
{
    /// <summary>A document issued for the dossier, for whoever may see the dossier; null otherwise.</summary>
    public async Task<ResultDocument?> GetDocumentAsync(string code, Guid id, Viewer viewer, CancellationToken ct)
    {
        var dossier = await store.GetByCodeAsync(code, ct);
        if (dossier is null || !CanSee(dossier, viewer))
        {
            return null;
        }

        var document = (await store.ListDocumentsAsync(dossier.Id, ct)).FirstOrDefault(d => d.Id == id);
        return document is not null && await files.ReadAsync(document.StorageKey, ct) is { } content
            ? new ResultDocument(document.FileName, document.ContentType, content)
            : null;
    }

    private async Task<IReadOnlyList<DocumentView>> DocumentsAsync(DossierRecord dossier, CancellationToken ct) =>
        [.. (await store.ListDocumentsAsync(dossier.Id, ct)).Select(d => new DocumentView(
            d.Id, d.Kind, new LocalizedString(d.TitleVi, d.TitleEn), d.FileName, d.ContentType, d.SizeBytes, d.VerificationCode, d.IssuedAt))];

    /// <summary>Where the citizen pays online: a connected gateway plugin's page, while the dossier waits for a payment.</summary>
    private string? PayUrl(DossierRecord dossier) =>
        dossier.Status == DossierStatuses.AwaitingPayment ? gateways.Select(g => g.PayPath(dossier.Code)).FirstOrDefault(u => u is not null) : null;
}
