using System.Diagnostics;
using Dvc.Designer.Drafts;
using Dvc.Designer.Forms;
using Dvc.Designer.Frame;
using Dvc.Designer.Problems;
using Dvc.Designer.Rules;

namespace Dvc.Designer.Editor;

/// <summary>
/// One open draft: the document the builders change, the revision it was loaded at, the last check, and the selection
/// the problems panel drives. Every change is checked (problems, preview) and saved at once, on the loaded revision;
/// a save that meets a newer revision stops autosave and shows the conflict until the admin merges or reloads.
/// </summary>
public sealed class EditorState(DesignerSession session, IProcedureDrafts drafts, IProcedureChecker checker)
{
    private IReadOnlyDictionary<string, string> _base = new Dictionary<string, string>();
    private bool _saving;
    private bool _savePending;

    public event Action? Updated;

    public ProcedureDocument Doc { get; private set; } = ProcedureDocument.Load("", new Dictionary<string, string>());

    public string Code => Doc.Code;

    public long Revision { get; private set; }

    public SharedFragments Shared { get; private set; } = SharedFragments.Empty;

    public CheckResult? Check { get; private set; }

    public IReadOnlyList<Problem> Problems { get; private set; } = [];

    public DraftSnapshot? Conflict { get; private set; }

    public IReadOnlyList<string> MergeConflicts { get; private set; } = [];

    public DateTimeOffset? SavedAt { get; private set; }

    public bool Saving => _saving;

    public EditorTab Tab { get; set; } = EditorTab.Form;

    public string? SelectedField { get; set; }

    public (string Workflow, string Rule)? SelectedRule { get; set; }

    public string? SelectedAttachment { get; set; }

    public string? SelectedFile { get; set; }

    public int SelectedLine { get; set; }

    /// <summary>The property a problem named; the selected element's editor focuses it once, then clears it.</summary>
    public string? FocusProperty { get; set; }

    /// <summary>Grows with every change so the preview reloads.</summary>
    public int PreviewNonce { get; private set; }

    public TimeSpan LastCheckTime => Check?.Elapsed ?? TimeSpan.Zero;

    public FormSchemaEditor? Form => Doc.Form is { } form ? new FormSchemaEditor(form, Shared, $"procedures/{Code}/{Doc.FormFile}") : null;

    public RuleSetEditor? Rules => Doc.Rules is { } rules ? new RuleSetEditor(rules) : null;

    public Access.DesignerUser User => session.User!;

    public async Task<DraftAccess> LoadAsync(string code, CancellationToken cancellationToken = default)
    {
        var opened = await drafts.OpenAsync(User, code, cancellationToken);
        if (opened.Access != DraftAccess.Ok || opened.Draft is not { } draft)
        {
            return opened.Access;
        }

        Shared = new SharedFragments(await drafts.SharedFragmentsAsync(cancellationToken));
        Apply(draft);
        if (Jurisdiction.Ensure(Doc, Form, Shared))
        {
            await ChangedAsync();
            return DraftAccess.Ok;
        }

        await CheckAsync(cancellationToken);
        return DraftAccess.Ok;
    }

    /// <summary>After a builder changed the JSON trees: write them back, check, save.</summary>
    public async Task ChangedAsync()
    {
        Jurisdiction.Ensure(Doc, Form, Shared);
        Doc.Commit();
        await CheckAsync();
        Notify();
        await SaveAsync();
    }

    /// <summary>After a file's text changed (text view, a new test case).</summary>
    public Task SetTextAsync(string path, string? text)
    {
        Doc.SetText(path, text);
        return ChangedAsync();
    }

    public async Task SaveAsync()
    {
        if (Conflict is not null)
        {
            return;
        }

        if (_saving)
        {
            _savePending = true;
            return;
        }

        _saving = true;
        try
        {
            do
            {
                _savePending = false;
                var files = Doc.Snapshot();
                var saved = await drafts.SaveAsync(User, Code, files, Revision, Check?.Errors ?? 0, CancellationToken.None);
                if (saved.Access == DraftAccess.Ok)
                {
                    Revision = saved.Revision;
                    _base = files;
                    SavedAt = DateTimeOffset.UtcNow;
                }
                else if (saved.Access == DraftAccess.Conflict)
                {
                    Conflict = saved.Theirs;
                    break;
                }
            }
            while (_savePending);
        }
        finally
        {
            _saving = false;
            Notify();
        }
    }

    /// <summary>Drops my unsaved changes and takes the other admin's draft.</summary>
    public async Task ReloadTheirsAsync()
    {
        if (Conflict is { } theirs)
        {
            Conflict = null;
            MergeConflicts = [];
            Apply(theirs);
            await CheckAsync();
            Notify();
        }
    }

    /// <summary>Merges my changes into theirs (mine win where both changed the same thing, and those places are listed), then saves.</summary>
    public async Task MergeAsync()
    {
        if (Conflict is not { } theirs)
        {
            return;
        }

        var merged = DraftMerge.Merge(_base, Doc.Snapshot(), theirs.Files);
        Conflict = null;
        MergeConflicts = merged.Conflicts;
        _base = theirs.Files;
        Revision = theirs.Revision;
        Doc.ReplaceAll(merged.Files);
        await CheckAsync();
        Notify();
        await SaveAsync();
    }

    /// <summary>Reads the stored draft again (after the text view saved a file, or after publishing).</summary>
    public async Task RefreshAsync()
    {
        var opened = await drafts.OpenAsync(User, Code, CancellationToken.None);
        if (opened.Draft is { } draft)
        {
            Apply(draft);
            await CheckAsync();
            Notify();
        }
    }

    public void Select(Problem problem)
    {
        var target = problem.Target;
        FocusProperty = target.Property;
        switch (target.Kind)
        {
            case TargetKind.Field:
                Tab = EditorTab.Form;
                SelectedField = target.Element;
                break;
            case TargetKind.Section:
                Tab = EditorTab.Form;
                break;
            case TargetKind.Rule:
                Tab = target.Workflow == RuleSetEditor.Fees ? EditorTab.Fees : EditorTab.Rules;
                SelectedRule = target.Element is null ? null : (target.Workflow ?? "", target.Element);
                break;
            case TargetKind.Attachment:
                Tab = EditorTab.Attachments;
                SelectedAttachment = target.Element;
                break;
            case TargetKind.General:
                Tab = target.Property == "form" ? EditorTab.Form : EditorTab.General;
                break;
            case TargetKind.Test:
                Tab = EditorTab.Tests;
                break;
            default:
                Tab = EditorTab.Text;
                SelectedFile = target.File;
                SelectedLine = target.Line;
                break;
        }

        Notify();
    }

    public void Notify() => Updated?.Invoke();

    private void Apply(DraftSnapshot draft)
    {
        Doc = ProcedureDocument.Load(draft.Code, draft.Files);
        Revision = draft.Revision;
        _base = draft.Files;
        SavedAt = draft.UpdatedAt;
    }

    private async Task CheckAsync(CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        Check = await checker.CheckAsync(User, Code, Doc.Files, cancellationToken);
        var form = Form;
        var fields = form?.All().ToDictionary(f => f.Path, f => session.Text.Pick(f.LabelVi, f.LabelEn), StringComparer.Ordinal) ?? [];
        Problems = [.. Check.Diagnostics
            .Where(d => d.Severity != Engine.Core.Definitions.DiagnosticSeverity.Info)
            .OrderByDescending(d => d.Severity)
            .Take(200)
            .Select(d =>
            {
                var target = ProblemTarget.For(d, Doc);
                var element = target.Kind switch
                {
                    TargetKind.Field => fields.GetValueOrDefault(target.Element ?? "", target.Element ?? ""),
                    TargetKind.Rule => target.Element ?? target.Workflow ?? "",
                    _ => target.File,
                };
                return new Problem(d, target, element, ProblemText.Message(d, element, session.Text.English), ProblemText.Fix(d, session.Text.English));
            })];
        PreviewNonce++;
        _ = watch;
    }
}
