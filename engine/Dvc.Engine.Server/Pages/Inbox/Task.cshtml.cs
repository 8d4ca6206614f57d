using Dvc.Engine.Server.Accounts;
using Dvc.Engine.Server.Catalog;
using Dvc.Engine.Server.Dossiers;
using Dvc.Engine.Server.Forms;
using Dvc.Engine.Server.Tasks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dvc.Engine.Server.Pages.Inbox;

/// <summary>One task with its dossier; claim, unclaim and complete go through <see cref="TaskInbox"/>.</summary>
[Authorize(Policy = DvcPolicies.Staff)]
internal sealed class TaskModel(TaskInbox inbox, ProcedureCatalog catalog) : PageModel
{
    public TaskSummary Task { get; private set; } = null!;

    public DossierView Dossier { get; private set; } = null!;

    public FormLayout? Layout { get; private set; }

    public IReadOnlyList<AttachmentRequirement> Attachments { get; private set; } = [];

    public string? Message { get; private set; }

    /// <summary>The handling agency when the viewer works for another one (a hand-over step), else null.</summary>
    public LocalizedString? HandOverFrom { get; private set; }

    public string? ViewerId => Viewer.From(User).UserId;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetAttachmentAsync(Guid id, Guid attachment, CancellationToken ct) =>
        await inbox.GetAttachmentAsync(id, attachment, Viewer.From(User), ct) is { } file ? File(file.Content, file.ContentType, file.FileName) : NotFound();

    public Task<IActionResult> OnPostClaimAsync(Guid id, CancellationToken ct) =>
        RespondAsync(id, inbox.ClaimAsync(id, Viewer.From(User), ct), ct);

    public Task<IActionResult> OnPostUnclaimAsync(Guid id, CancellationToken ct) =>
        RespondAsync(id, inbox.UnclaimAsync(id, Viewer.From(User), ct), ct);

    /// <param name="supplementFields">Fields the citizen must correct, when the outcome asks for a supplement.</param>
    /// <param name="supplementAttachments">Documents the citizen must add, likewise.</param>
    public Task<IActionResult> OnPostCompleteAsync(Guid id, string outcome, string? comment, string[]? supplementFields, string[]? supplementAttachments, CancellationToken ct) =>
        RespondAsync(id, inbox.CompleteAsync(id, Viewer.From(User), outcome, comment, new SupplementScope(supplementFields ?? [], supplementAttachments ?? []), ct), ct);

    private async Task<IActionResult> RespondAsync(Guid id, Task<CommandResult> command, CancellationToken ct)
    {
        switch (await command)
        {
            case CommandResult.Ok:
                return RedirectToPage(new { id });
            case CommandResult.Conflict conflict:
                Message = conflict.Message;
                break;
            case CommandResult.Invalid invalid:
                Message = string.Join(" ", invalid.Errors.SelectMany(e => e.Value));
                break;
            default:
                return NotFound();
        }

        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await inbox.FindAsync(id, Viewer.From(User), ct) is not { } found)
        {
            return false;
        }

        (Task, Dossier) = found;
        HandOverFrom = Viewer.From(User).WorksFor(Dossier.AgencyCode) ? null : Dossier.AgencyName;
        var procedure = catalog.Find(Dossier.ProcedureCode, Dossier.ProcedureVersion);
        Layout = procedure?.Form;
        Attachments = procedure?.Attachments ?? [];
        return true;
    }
}
