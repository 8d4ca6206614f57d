using System.Text.Json.Nodes;
using Dvc.Engine.Persistence.Dossiers;
using Dvc.Engine.Server.Accounts;
using Dvc.Engine.Server.Forms;
using Microsoft.EntityFrameworkCore;

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

    /// <summary>Where the citizen pays online: the open payment request's <c>payUrl</c> (a gateway plugin's), if any.</summary>
    private async Task<string?> PayUrlAsync(DossierRecord dossier, CancellationToken ct)
    {
        if (dossier.Status != DossierStatuses.AwaitingPayment)
        {
            return null;
        }

        var payloads = await db.Bookmarks.AsNoTracking()
            .Where(b => b.Name == Sdk.BookmarkNames.Payment && b.ConsumedAt == null
                && db.WorkflowInstances.Any(i => i.Id == b.InstanceId && i.DossierId == dossier.Id))
            .Select(b => b.PayloadJson)
            .ToListAsync(ct);
        return payloads.Select(p => p is null ? null : JsonNode.Parse(p)?["payUrl"]?.GetValue<string>()).FirstOrDefault(u => u is not null);
    }
}
