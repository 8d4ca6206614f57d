using Dvc.Engine.Server.Accounts;
using Dvc.Engine.Server.Catalog;
using Dvc.Engine.Server.Dossiers;
using Dvc.Engine.Server.Forms;
using Dvc.Engine.Server.Localization;
using Dvc.Engine.Server.NationalIdentity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dvc.Engine.Server.Pages.Procedures;

/// <summary>The generated form. Everything it decides (validation, eligibility, fee, code) is in <see cref="DossierService"/>.</summary>
[Authorize(Policy = DvcPolicies.SignedIn)]
[RequestFormLimits(MultipartBodyLengthLimit = Hosting.UploadOptions.CeilingBytes)]
[RequestSizeLimit(Hosting.UploadOptions.CeilingBytes)]
[Hosting.BoundedUpload]
internal sealed class SubmitModel(ProcedureCatalog catalog, DossierService dossiers, FormPostReader reader, KeptUploads kept, VerifiedFields verifiedFields, PortalText text, TimeProvider clock) : PageModel
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

    /// <summary>Staff of the procedure's agency may file for a citizen (assisted submission); nobody else sees the fields.</summary>
    public bool CanFileOnBehalf => Viewer.From(User) is { IsStaff: true } viewer
        && (viewer.IsSystemAdmin || (viewer.AgencyCode is { } agency && catalog.Compiled(Procedure.Summary.Code)?.Routing.Handling.Agencies.Contains(agency, StringComparer.OrdinalIgnoreCase) == true));

    public IReadOnlyList<string> OnBehalfErrors => State.Errors.TryGetValue(DossierService.OnBehalfEmailField, out var errors) ? errors : [];

    /// <summary>The procedure wants the national identity and this session did not sign in with it: no form, a way to.</summary>
    public bool IdentityRequired { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, bool saved, CancellationToken ct)
    {
        if (catalog.Find(code) is not { } procedure)
        {
            return NotFound();
        }

        Procedure = procedure;
        if (catalog.Compiled(code) is { } compiled && DossierService.RequiresNationalIdentity(compiled, Viewer.From(User)))
        {
            IdentityRequired = true;
            return Page();
        }

        if (DraftId is { } draftId && await dossiers.LoadDraftAsync(draftId, Viewer.From(User), ct) is { } draft)
        {
            State = new FormRenderState(draft.Data, null, null);
            // The draft's files come back as files the page already holds: submitting sends them without choosing again.
            await KeepAsync(draft.Files, new Dictionary<string, string[]>(), ct);
            // Hanoi time, not the server's zone (a container runs in UTC).
            DraftSavedAt = saved ? clock.GetUtcNow().ToOffset(Dvc.Engine.Core.Calendar.WorkingCalendar.UtcOffset) : null;
        }

        var verified = await VerifiedAsync(procedure.Code);
        if (verified.Count > 0)
        {
            State = new FormRenderState(VerifiedFields.Fill(State.Values, verified), null, null) { Fresh = State.Fresh, Verified = verified };
        }

        return Page();
    }

    private async Task<IReadOnlyDictionary<string, string>> VerifiedAsync(string code) =>
        catalog.Compiled(code) is { } compiled ? await verifiedFields.ForAsync(compiled.Form, Viewer.From(User)) : new Dictionary<string, string>();

    /// <summary>One form, two buttons: "Nộp hồ sơ" submits, "Lưu nháp" saves a draft.</summary>
    public Task<IActionResult> OnPostAsync(string code, string? action, CancellationToken ct) => KeptUploads.Oversized(Request.Form) is { Count: > 0 } oversized
        ? RefuseOversizedAsync(code, oversized, ct)
        : action switch
        {
            "draft" => SaveDraftAsync(code, ct),
            "check" => CheckAsync(code, ct),
            _ => SubmitAsync(code, ct),
        };

    /// <summary>
    /// New files too big for one post (the page script did not stop them): whatever the button, nothing is filed or
    /// saved; the form comes back with what was typed, the files it already held, and the error at each chosen file.
    /// </summary>
    private async Task<IActionResult> RefuseOversizedAsync(string code, IReadOnlyList<string> oversized, CancellationToken ct)
    {
        if (catalog.Find(code) is not { } procedure)
        {
            return NotFound();
        }

        Procedure = procedure;
        foreach (var (file, held) in await kept.ReadHeldAsync(Request.Form, Viewer.From(User).UserId!, oversized, ct))
        {
            Kept[file.AttachmentId] = held;
        }

        return await ShowAsync(procedure, Read(procedure), new SubmitOutcome.Invalid(KeptUploads.OversizedErrors(oversized, text)));
    }

    /// <summary>
    /// "Kiểm tra điều kiện, lệ phí": the same checks as a submission, showing the fee and documents. Nothing is filed
    /// and nothing is stored: newly chosen files are not even read (the button posts without them), so checking
    /// again and again cannot fill the disk; files the page already held stay held.
    /// </summary>
    private async Task<IActionResult> CheckAsync(string code, CancellationToken ct)
    {
        if (catalog.Find(code) is not { } procedure)
        {
            return NotFound();
        }

        Procedure = procedure;
        var post = Read(procedure);
        foreach (var (file, held) in await kept.ReadHeldAsync(Request.Form, Viewer.From(User).UserId!, [], ct))
        {
            Kept[file.AttachmentId] = held;
        }

        return await ShowAsync(procedure, post, dossiers.Assess(procedure.Code, post.Submission, PortalCultures.Current, post.ConversionErrors));
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
        var onBehalf = CanFileOnBehalf && !string.IsNullOrWhiteSpace(OnBehalfEmail)
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
        return await ShowAsync(procedure, post, outcome);
    }

    private Task<List<IncomingFile>> ReadFilesAsync(CancellationToken ct) => kept.ReadPostedAsync(Request.Form, Viewer.From(User).UserId!, ct);

    private async Task KeepAsync(IEnumerable<IncomingFile> files, IReadOnlyDictionary<string, string[]> errors, CancellationToken ct)
    {
        foreach (var (id, file) in await kept.KeepAllAsync(files, errors, Viewer.From(User).UserId!, ct))
        {
            Kept[id] = file;
        }
    }

    private async Task<IActionResult> ShowAsync(ProcedureInfo procedure, FormPost post, SubmitOutcome outcome)
    {
        var result = Show(procedure, post, outcome);
        State.Verified = await VerifiedAsync(procedure.Code);
        return result;
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
            case SubmitOutcome.Forbidden forbidden:
                State = new FormRenderState(post.Submission, post.Raw, new Dictionary<string, string[]> { [DossierService.OnBehalfEmailField] = [forbidden.Message] });
                return Page();
            case SubmitOutcome.NotEligible notEligible:
                State = new FormRenderState(post.Submission, post.Raw, null);
                Failures = notEligible.Failures;
                return Page();
            case SubmitOutcome.RulesRefused:
                State = new FormRenderState(post.Submission, post.Raw, null);
                UnplacedErrors = [text["problem.rulesRefusedDetail"]];
                return Page();
            case SubmitOutcome.IdentityRequired:
                IdentityRequired = true;
                return Page();
            default:
                return NotFound();
        }
    }

    private FormPost Read(ProcedureInfo procedure) => reader.Read(procedure.Form, Request.Form);

    /// <summary>Pointers that have a place on the page (fields and attachments); other errors go to the summary.</summary>
    private HashSet<string> Placed(ProcedureInfo procedure)
    {
        var placed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in State.Errors.Keys)
        {
            if (key.StartsWith(DossierService.AttachmentErrorPrefix, StringComparison.Ordinal) || key == DossierService.OnBehalfEmailField || FormLayoutIndex.Contains(procedure.Form, key))
            {
                placed.Add(key);
            }
        }

        return placed;
    }
}
