using Dvc.Engine.Server.Accounts;
using Dvc.Engine.Server.Catalog;
using Dvc.Engine.Server.Dossiers;
using Dvc.Engine.Server.Forms;
using Dvc.Engine.Server.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dvc.Engine.Server.Pages.Procedures;

/// <summary>The generated form. Everything it decides (validation, eligibility, fee, code) is in <see cref="DossierService"/>.</summary>
[Authorize(Policy = DvcPolicies.SignedIn)]
[RequestFormLimits(MultipartBodyLengthLimit = Hosting.UploadOptions.MaxRequestBytes)]
[RequestSizeLimit(Hosting.UploadOptions.MaxRequestBytes)]
internal sealed class SubmitModel(ProcedureCatalog catalog, DossierService dossiers, FormPostReader reader, KeptUploads kept, PortalText text, TimeProvider clock) : PageModel
{
    /// <summary>Files already chosen, by attachment id, shown again when the page comes back (errors, check).</summary>
    public Dictionary<string, KeptUpload> Kept { get; } = new(StringComparer.Ordinal);

    public ProcedureInfo Procedure { get; private set; } = null!;

    public FormRenderState State { get; private set; } = FormRenderState.Empty();

    public IReadOnlyList<RuleFailure> Failures { get; private set; } = [];

    public IReadOnlyList<string> UnplacedErrors { get; private set; } = [];

    public DateTimeOffset? DraftSavedAt { get; private set; }

    public DossierAssessment? Assessment { get; private set; }

    [BindProperty(SupportsGet = true)]
    public Guid? DraftId { get; set; }

    [BindProperty]
    public string? OnBehalfEmail { get; set; }

    [BindProperty]
    public string? OnBehalfName { get; set; }

    public bool IsStaff => Viewer.From(User).IsStaff;

    public async Task<IActionResult> OnGetAsync(string code, bool saved, CancellationToken ct)
    {
        if (catalog.Find(code) is not { } procedure)
        {
            return NotFound();
        }

        Procedure = procedure;
        if (DraftId is { } draftId && await dossiers.LoadDraftAsync(draftId, Viewer.From(User), ct) is { } draft)
        {
            State = new FormRenderState(draft.Data, null, null);
            // The draft's files come back as files the page already holds: submitting sends them without choosing again.
            await KeepAsync(draft.Files, new Dictionary<string, string[]>(), ct);
            // Hanoi time, not the server's zone (a container runs in UTC).
            DraftSavedAt = saved ? clock.GetUtcNow().ToOffset(Dvc.Engine.Core.Calendar.WorkingCalendar.UtcOffset) : null;
        }

        return Page();
    }

    /// <summary>One form, two buttons: "Nộp hồ sơ" submits, "Lưu nháp" saves a draft.</summary>
    public Task<IActionResult> OnPostAsync(string code, string? action, CancellationToken ct) => action switch
    {
        "draft" => SaveDraftAsync(code, ct),
        "check" => CheckAsync(code, ct),
        _ => SubmitAsync(code, ct),
    };

    /// <summary>"Kiểm tra điều kiện, lệ phí": the same checks as a submission, showing the fee and documents; nothing is filed.</summary>
    private async Task<IActionResult> CheckAsync(string code, CancellationToken ct)
    {
        if (catalog.Find(code) is not { } procedure)
        {
            return NotFound();
        }

        Procedure = procedure;
        var post = Read(procedure);
        await KeepAsync(await ReadFilesAsync(ct), new Dictionary<string, string[]>(), ct);
        return Show(procedure, post, dossiers.Assess(procedure.Code, post.Submission, PortalCultures.Current, post.ConversionErrors));
    }

    private async Task<IActionResult> SaveDraftAsync(string code, CancellationToken ct)
    {
        if (catalog.Find(code) is not { } procedure)
        {
            return NotFound();
        }

        var post = Read(procedure);
        var id = await dossiers.SaveDraftAsync(procedure.Code, post.Submission, await ReadFilesAsync(ct), Viewer.From(User), DraftId, ct);
        return RedirectToPage(new { code, draftId = id, saved = true });
    }

    private async Task<IActionResult> SubmitAsync(string code, CancellationToken ct)
    {
        if (catalog.Find(code) is not { } procedure)
        {
            return NotFound();
        }

        Procedure = procedure;
        var post = Read(procedure);
        var files = await ReadFilesAsync(ct);

        var viewer = Viewer.From(User);
        var onBehalf = viewer.IsStaff && !string.IsNullOrWhiteSpace(OnBehalfEmail)
            ? new AssistedApplicant(OnBehalfEmail.Trim(), OnBehalfName?.Trim() ?? OnBehalfEmail.Trim())
            : null;
        var outcome = await dossiers.SubmitAsync(
            new SubmitCommand(procedure.Code, post.Submission, files, viewer, onBehalf, null, PortalCultures.Current, post.ConversionErrors, DraftId),
            ct);

        if (outcome is SubmitOutcome.Submitted submitted)
        {
            return Redirect($"/dossiers/{submitted.Receipt.Code}?submitted=true");
        }

        // Files the server refused (type, size) are not kept: the citizen must choose another one.
        await KeepAsync(files, outcome is SubmitOutcome.Invalid invalid ? invalid.Errors : new Dictionary<string, string[]>(), ct);
        return Show(procedure, post, outcome);
    }

    private Task<List<IncomingFile>> ReadFilesAsync(CancellationToken ct) => kept.ReadPostedAsync(Request.Form, Viewer.From(User).UserId!, ct);

    private async Task KeepAsync(IEnumerable<IncomingFile> files, IReadOnlyDictionary<string, string[]> errors, CancellationToken ct)
    {
        foreach (var (id, file) in await kept.KeepAllAsync(files, errors, Viewer.From(User).UserId!, ct))
        {
            Kept[id] = file;
        }
    }

    private IActionResult Show(ProcedureInfo procedure, FormPost post, SubmitOutcome outcome)
    {
        switch (outcome)
        {
            case SubmitOutcome.Assessed assessed:
                State = new FormRenderState(post.Submission, post.Raw, null);
                Assessment = assessed.Assessment;
                return Page();
            case SubmitOutcome.Invalid invalid:
                State = new FormRenderState(post.Submission, post.Raw, invalid.Errors);
                var placed = Placed(procedure);
                UnplacedErrors = [.. invalid.Errors.Where(e => !placed.Contains(e.Key)).SelectMany(e => e.Value)];
                return Page();
            case SubmitOutcome.NotEligible notEligible:
                State = new FormRenderState(post.Submission, post.Raw, null);
                Failures = notEligible.Failures;
                return Page();
            case SubmitOutcome.RulesRefused:
                State = new FormRenderState(post.Submission, post.Raw, null);
                UnplacedErrors = [text["problem.rulesRefusedDetail"]];
                return Page();
            default:
                return NotFound();
        }
    }

    private FormPost Read(ProcedureInfo procedure)
    {
        var posted = Request.Form
            .Where(kv => kv.Key.StartsWith('/'))
            .ToDictionary(kv => kv.Key, kv => kv.Value.Select(v => v ?? "").ToArray(), StringComparer.Ordinal);
        return reader.Read(procedure.Form, posted);
    }

    /// <summary>Pointers that have a place on the page (fields and attachments); other errors go to the summary.</summary>
    private HashSet<string> Placed(ProcedureInfo procedure)
    {
        var placed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in State.Errors.Keys)
        {
            if (key.StartsWith(DossierService.AttachmentErrorPrefix, StringComparison.Ordinal) || FormLayoutIndex.Contains(procedure.Form, key))
            {
                placed.Add(key);
            }
        }

        return placed;
    }
}
