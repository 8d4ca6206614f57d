using Dvc.Designer.Access;
using Dvc.Designer.Drafts;
using Dvc.Engine.Core.Definitions;
using Dvc.Engine.Server.Accounts;
using Dvc.Engine.Server.Catalog;
using Dvc.Engine.Server.Designer;
using Dvc.Engine.Server.Dossiers;
using Dvc.Engine.Server.Forms;
using Dvc.Engine.Server.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dvc.Engine.Server.Pages.Designer;

/// <summary>
/// The designer's live preview: a draft's form drawn by the portal's own partials and checked by the portal's own
/// validation, eligibility and fee code (<see cref="DossierService.Assess(CompiledProcedure, System.Text.Json.Nodes.JsonObject, string, IReadOnlyDictionary{string, string[]}?)"/>).
/// Nothing is stored. Shown in an iframe, so the phone width is a real narrow viewport.
/// </summary>
[Authorize(Policy = DvcPolicies.AgencyAdmin)]
internal sealed class PreviewModel(DesignerChecker checker, IProcedureDrafts drafts, IDesignerAccess access, ProcedureCatalog catalog, DossierService dossiers, FormPostReader reader) : PageModel
{
    public ProcedureInfo Procedure { get; private set; } = null!;

    public FormRenderState State { get; private set; } = FormRenderState.Empty();

    public IReadOnlyList<RuleFailure> Failures { get; private set; } = [];

    public DossierAssessment? Assessment { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? Key { get; set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct) =>
        await LoadAsync(code, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct) || Compiled is not { } procedure)
        {
            return NotFound();
        }

        var post = reader.Read(Procedure.Form, Request.Form);
        switch (dossiers.Assess(procedure, post.Submission, PortalCultures.Current, post.ConversionErrors))
        {
            case SubmitOutcome.Assessed assessed:
                State = new FormRenderState(post.Submission, post.Raw, null);
                Assessment = assessed.Assessment;
                break;
            case SubmitOutcome.Invalid invalid:
                State = new FormRenderState(post.Submission, post.Raw, invalid.Errors);
                break;
            case SubmitOutcome.NotEligible notEligible:
                State = new FormRenderState(post.Submission, post.Raw, null);
                Failures = notEligible.Failures;
                break;
        }

        return Page();
    }

    private CompiledProcedure? Compiled { get; set; }

    private async Task<bool> LoadAsync(string code, CancellationToken ct)
    {
        if (access.Resolve(User) is not { } user)
        {
            return false;
        }

        // The key names the check the editor just ran on this node; otherwise (another node, expired) compile the stored draft.
        Compiled = Key is { } key ? checker.Find(key) : null;
        if (Compiled is null)
        {
            var opened = await drafts.OpenAsync(user, code, ct);
            if (opened.Access != DraftAccess.Ok)
            {
                return false;
            }

            Compiled = checker.Compile(code, opened.Draft!.Files).Compilation.Procedure;
        }

        if (Compiled is null || !string.Equals(Compiled.Code, code, StringComparison.OrdinalIgnoreCase) || !user.MayEdit(Compiled.Manifest.Agency.Code))
        {
            return false;
        }

        Procedure = catalog.ToInfo(Compiled);
        return true;
    }
}
