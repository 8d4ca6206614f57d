using Dvc.Engine.Server.Accounts;
using Dvc.Engine.Server.Catalog;
using Dvc.Engine.Server.Dossiers;
using Dvc.Engine.Server.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dvc.Engine.Server.Pages.Dossiers;

/// <summary>The owner's (or the agency's) full view of a dossier: data, what is asked of the citizen, history, decision, result, rating.</summary>
[Authorize(Policy = DvcPolicies.SignedIn)]
internal sealed class DetailsModel(DossierService dossiers, ProcedureCatalog catalog) : PageModel
{
    public DossierView Dossier { get; private set; } = null!;

    public FormLayout? Layout { get; private set; }

    public IReadOnlyList<AttachmentRequirement> Attachments { get; private set; } = [];

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    [BindProperty(SupportsGet = true)]
    public bool Submitted { get; set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct) =>
        await LoadAsync(code, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetResultAsync(string code, CancellationToken ct) =>
        await dossiers.GetResultAsync(code, Viewer.From(User), ct) is { } file ? File(file.Content, file.ContentType, file.FileName) : NotFound();

    public async Task<IActionResult> OnGetDocumentAsync(string code, Guid id, CancellationToken ct) =>
        await dossiers.GetDocumentAsync(code, id, Viewer.From(User), ct) is { } file ? File(file.Content, file.ContentType, file.FileName) : NotFound();

    public async Task<IActionResult> OnGetAttachmentAsync(string code, Guid id, CancellationToken ct) =>
        await dossiers.GetAttachmentAsync(code, id, Viewer.From(User), ct) is { } file ? File(file.Content, file.ContentType, file.FileName) : NotFound();

    public async Task<IActionResult> OnPostPayAsync(string code, CancellationToken ct)
    {
        switch (await dossiers.PayAsync(code, Viewer.From(User), null, ct))
        {
            case CommandResult.NotFound:
                return NotFound();
            case CommandResult.Conflict conflict:
                Errors = new Dictionary<string, string[]> { [""] = [conflict.Message] };
                return await LoadAsync(code, ct) ? Page() : NotFound();
            default:
                return RedirectToPage(new { code });
        }
    }

    public async Task<IActionResult> OnPostRateAsync(string code, int rating, string? feedback, CancellationToken ct)
    {
        var result = await dossiers.RateAsync(code, Viewer.From(User), rating, feedback, ct);
        return result is CommandResult.NotFound ? NotFound() : RedirectToPage(new { code });
    }

    private async Task<bool> LoadAsync(string code, CancellationToken ct)
    {
        if (await dossiers.FindAsync(code, Viewer.From(User), ct) is not { } dossier)
        {
            return false;
        }

        Dossier = dossier;
        var procedure = catalog.Find(dossier.ProcedureCode, dossier.ProcedureVersion);
        Layout = procedure?.Form;
        Attachments = procedure?.Attachments ?? [];
        return true;
    }
}
