using System.Text.Json.Nodes;
using Dvc.Engine.Server.Accounts;
using Dvc.Engine.Server.Catalog;
using Dvc.Engine.Server.Dossiers;
using Dvc.Engine.Server.Forms;
using Dvc.Engine.Server.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dvc.Engine.Server.Pages.Dossiers;

/// <summary>
/// The citizen's answer to a supplement request: the procedure's own form, pre-filled with the dossier, limited to the
/// fields and attachments the officer named (the whole form when the request names none). What is posted becomes a
/// merge patch over the submission, checked by <see cref="DossierService.SupplementAsync"/> like a submission.
/// </summary>
[Authorize(Policy = DvcPolicies.SignedIn)]
[RequestFormLimits(MultipartBodyLengthLimit = Hosting.UploadOptions.CeilingBytes)]
[RequestSizeLimit(Hosting.UploadOptions.CeilingBytes)]
[Hosting.BoundedUpload]
internal sealed class SupplementModel(DossierService dossiers, ProcedureCatalog catalog, FormPostReader reader, KeptUploads kept, PortalText text) : PageModel
{
    public DossierView Dossier { get; private set; } = null!;

    /// <summary>The part of the form the citizen may correct.</summary>
    public FormLayout Layout { get; private set; } = new([]);

    /// <summary>Fields outside <see cref="Layout"/> that decide whether a shown field is visible, with their current values.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Context { get; private set; } = [];

    public IReadOnlyList<AttachmentRequirement> Attachments { get; private set; } = [];

    public FormRenderState State { get; private set; } = FormRenderState.Empty();

    public Dictionary<string, KeptUpload> Kept { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Messages { get; private set; } = [];

    /// <summary>Why the corrected dossier is not eligible, rule by rule.</summary>
    public IReadOnlyList<RuleFailure> Failures { get; private set; } = [];

    [BindProperty]
    public string? Note { get; set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (await LoadAsync(code, ct) is { } other)
        {
            return other;
        }

        State = new FormRenderState(Dossier.Data ?? [], null, null);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        if (await LoadAsync(code, ct) is { } other)
        {
            return other;
        }

        var post = reader.Read(Layout, Request.Form, whole: false);
        var patch = Patch(Layout.AllFields, post.Submission);
        var userId = Viewer.From(User).UserId!;
        if (KeptUploads.Oversized(Request.Form) is { Count: > 0 } oversized)
        {
            // New files too big for one post (the page script did not stop them): nothing is sent; the page comes
            // back with what was typed, the files it already held, and the error at each chosen file.
            State = new FormRenderState(JsonMergePatch.Apply(Dossier.Data, patch), post.Raw, KeptUploads.OversizedErrors(oversized, text));
            foreach (var (file, held) in await kept.ReadHeldAsync(Request.Form, userId, oversized, ct))
            {
                Kept[file.AttachmentId] = held;
            }

            return Page();
        }

        var files = await kept.ReadPostedAsync(Request.Form, userId, ct);

        var result = await dossiers.SupplementAsync(code, Viewer.From(User), patch.Count == 0 ? null : patch, files, Note, post.ConversionErrors, ct);
        switch (result)
        {
            case CommandResult.Ok:
                return Redirect($"/dossiers/{code}");
            case CommandResult.Invalid invalid:
                State = new FormRenderState(JsonMergePatch.Apply(Dossier.Data, patch), post.Raw, invalid.Errors);
                foreach (var (id, file) in await kept.KeepAllAsync(files, invalid.Errors, userId, ct))
                {
                    Kept[id] = file;
                }

                Messages = [.. invalid.Errors.Where(e => !FormLayoutIndex.Contains(Layout, e.Key) && !e.Key.StartsWith(DossierService.AttachmentErrorPrefix, StringComparison.Ordinal)).SelectMany(e => e.Value)];
                return Page();
            case CommandResult.NotEligible notEligible:
                State = new FormRenderState(JsonMergePatch.Apply(Dossier.Data, patch), post.Raw, null);
                Failures = notEligible.Failures;
                return Page();
            case CommandResult.Conflict conflict:
                State = new FormRenderState(JsonMergePatch.Apply(Dossier.Data, patch), post.Raw, null);
                Messages = [conflict.Message];
                return Page();
            case CommandResult.RulesRefused:
                State = new FormRenderState(JsonMergePatch.Apply(Dossier.Data, patch), post.Raw, null);
                Messages = [text["problem.rulesRefusedDetail"]];
                return Page();
            default:
                return NotFound();
        }
    }

    /// <summary>
    /// The shown fields as a merge patch: each one's posted value, or null to remove a value the citizen cleared; the
    /// fields not shown are not mentioned, so they stay as filed.
    /// </summary>
    private static JsonObject Patch(IEnumerable<FormField> fields, JsonObject read)
    {
        var patch = new JsonObject();
        foreach (var field in fields)
        {
            patch[field.Name] = field.IsGroup ? Patch(field.Children, read[field.Name] as JsonObject ?? []) : read[field.Name]?.DeepClone();
        }

        return patch;
    }

    /// <returns>Null when the page can be shown; otherwise where to go instead.</returns>
    private async Task<IActionResult?> LoadAsync(string code, CancellationToken ct)
    {
        if (await dossiers.FindAsync(code, Viewer.From(User), ct) is not { IsOwner: true } dossier)
        {
            return NotFound();
        }

        if (!dossier.CanSupplement || dossier.Request is not { } request)
        {
            return Redirect($"/dossiers/{code}");
        }

        Dossier = dossier;
        var procedure = catalog.Find(dossier.ProcedureCode, dossier.ProcedureVersion);
        var form = procedure?.Form ?? new FormLayout([]);
        // Fields only when the request names some, attachments only when it names some: a request naming only a
        // document asks for nothing else, one naming nothing lets the citizen correct anything.
        Layout = request.Scope.NamesFields ? form.Only(request.Scope.Fields)
            : request.Scope.NamesAttachments ? new FormLayout([])
            : form;
        Attachments = [.. (procedure?.Attachments ?? []).Where(a => request.Scope.AllowsAttachment(a.Id) && (request.Scope.NamesAttachments || !request.Scope.NamesFields))];
        Context = VisibilityContext(form, Layout, new FormRenderState(dossier.Data ?? [], null, null));
        return null;
    }

    private static List<KeyValuePair<string, string>> VisibilityContext(FormLayout form, FormLayout shown, FormRenderState state)
    {
        var onPage = FormLayoutIndex.Walk(shown.AllFields).Select(f => f.Pointer).ToHashSet(StringComparer.Ordinal);
        var needed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in FormLayoutIndex.Walk(shown.AllFields).Where(f => !f.Pointer.Contains("{i}", StringComparison.Ordinal)))
        {
            var view = new FormFieldView(field, [], state);
            foreach (var name in new[] { field.VisibleWhen?.Field, field.CascadeFrom }.OfType<string>())
            {
                needed.Add(view.SiblingPointer(name));
            }
        }

        return [.. needed.Where(p => !onPage.Contains(p))
            .Select(p => (Pointer: p, Field: FormLayoutIndex.FieldAt(form, p)))
            .Where(x => x.Field is not null)
            .Select(x => new KeyValuePair<string, string>(x.Pointer, state.Display(x.Field!, x.Pointer)))];
    }
}
