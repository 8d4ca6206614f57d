using System.Diagnostics;
using Dvc.Designer.Access;
using Dvc.Designer.Drafts;
using Dvc.Designer.Versions;
using Dvc.Engine.Core.Definitions;
using Dvc.Engine.Core.Definitions.Testing;
using Dvc.Engine.Persistence.Procedures;
using Dvc.Engine.Server.Catalog;

namespace Dvc.Engine.Server.Designer;

/// <summary>
/// Publishing from the designer, in one place so the catalog's reload mechanism can replace the last step: check the
/// stored draft with a private compiler (the one the editor's checks use), run its tests, compile it with the catalog's compiler, store an immutable
/// version with the note, serve it at once. Refused (nothing stored) while errors or failing tests remain.
/// </summary>
internal sealed class DesignerPublisher(
    IServiceScopeFactory scopes,
    ProcedureCatalog catalog,
    ProcedureCompiler compiler,
    DraftWorkspace workspace,
    DesignerChecker checker,
    DesignerDrafts drafts) : IProcedurePublisher
{
    public async Task<IReadOnlyList<VersionEntry>> VersionsAsync(DesignerUser user, string code, CancellationToken cancellationToken)
    {
        if (!await MayEditAsync(user, code, cancellationToken))
        {
            return [];
        }

        var current = catalog.CurrentVersionId(code);
        var versions = await catalog.ListVersionsAsync(code, cancellationToken);
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ProcedureVersionStore>();
        var notes = (await store.ListVersionsAsync(code, cancellationToken)).ToDictionary(v => v.Id, v => v.Note);
        return [.. versions
            .Where(v => v.PublishedAt is not null)
            .OrderByDescending(v => v.PublishedAt)
            .Select(v => new VersionEntry(v.Id, v.AuthorVersion, v.ImportedAt, v.PublishedAt, null, notes.GetValueOrDefault(v.Id), v.OpenDossiers, v.Id == current))];
    }

    public async Task<IReadOnlyDictionary<string, string>?> VersionFilesAsync(DesignerUser user, string code, Guid versionId, CancellationToken cancellationToken)
    {
        if (!await MayEditAsync(user, code, cancellationToken))
        {
            return null;
        }

        await using var scope = scopes.CreateAsyncScope();
        var version = await scope.ServiceProvider.GetRequiredService<ProcedureVersionStore>().GetAsync(versionId, cancellationToken);
        return version is not null && string.Equals(version.ProcedureCode, code, StringComparison.OrdinalIgnoreCase) ? BundleFiles.FolderFiles(version.BundleJson) : null;
    }

    public async Task<PublishResult> PublishAsync(DesignerUser user, string code, long revision, string note, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        PublishResult Result(PublishStatus status, VersionEntry? version = null, IReadOnlyList<string>? errors = null, IReadOnlyList<TestOutcomeLine>? tests = null) =>
            new(status, version, errors ?? [], tests ?? [], watch.Elapsed);

        if (await drafts.OpenStoredAsync(code, cancellationToken) is not { } draft)
        {
            return Result(PublishStatus.NotFound);
        }

        var files = ProcedureFiles.FromJson(draft.FilesJson);
        if (!user.MayEdit(draft.AgencyCode) || !user.MayEdit(workspace.Facts(files).AgencyCode))
        {
            return Result(PublishStatus.Forbidden);
        }

        if (draft.Revision != revision)
        {
            return Result(PublishStatus.Conflict);
        }

        await using var scope = scopes.CreateAsyncScope();
        var versions = scope.ServiceProvider.GetRequiredService<ProcedureVersionStore>();
        var currentId = catalog.CurrentVersionId(draft.ProcedureCode);
        if (currentId is { } id && await versions.GetAsync(id, cancellationToken) is { } current)
        {
            var published = BundleFiles.FolderFiles(current.BundleJson);
            if (Same(published, files))
            {
                return Result(PublishStatus.Unchanged);
            }

            if (OnlyLayout(published, files))
            {
                return Result(PublishStatus.LayoutOnly);
            }
        }

        // Checked and tested with a private compiler first, so a refused publish leaves nothing in the catalog's rules engine;
        // the editor has usually just checked these very files, so the checker's compilation is reused.
        var (_, check) = checker.Compile(draft.ProcedureCode, files);
        if (check.Procedure is not { } candidate)
        {
            return Result(PublishStatus.Refused, errors: [.. check.Diagnostics.Where(d => d.IsError).Take(20).Select(d => d.ToString())]);
        }

        var runner = new ProcedureTestRunner();
        var failing = check.Tests.Select(t => (t.Name, Result: runner.Run(candidate, t))).Where(t => !t.Result.Passed)
            .Select(t => new TestOutcomeLine(t.Name, string.Join("; ", t.Result.Failures))).ToList();
        if (failing.Count > 0)
        {
            return Result(PublishStatus.Refused, tests: failing);
        }

        var (procedure, bundle) = workspace.Use(draft.ProcedureCode, files, (root, folder) =>
        {
            var compiled = compiler.CompileFolder(folder, root).Procedure;
            return (compiled, compiled is null ? null : ProcedureBundle.Create(root, compiled.Folder, compiled.Code, compiled.Version, compiled.ContentHash, compiled.Workflow?.SubWorkflows.Select(p => p.File) ?? []));
        });
        if (procedure is null || bundle is null)
        {
            return Result(PublishStatus.Refused, errors: ["The procedure did not compile with the catalog's compiler."]);
        }

        var imported = await versions.ImportAsync(new ProcedureImport(procedure.Code, procedure.Version, bundle, user.Name, Publish: true, Note: note.Trim()), cancellationToken);
        if (!imported.Created)
        {
            // The same content as an older version: that version becomes current again.
            await versions.RepublishAsync(imported.Version.Id, user.Name, note.Trim(), cancellationToken);
        }

        catalog.PublishOne(procedure, imported.Version.Id);
        await scope.ServiceProvider.GetRequiredService<ProcedureDraftStore>().MarkPublishedAsync(draft.ProcedureCode, revision, imported.Version.Id, cancellationToken);
        var entry = (await VersionsAsync(user, draft.ProcedureCode, cancellationToken)).FirstOrDefault(v => v.Id == imported.Version.Id);
        return Result(PublishStatus.Published, entry);
    }

    public async Task<PublishResult> RollbackAsync(DesignerUser user, string code, Guid versionId, string note, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        if (!await MayEditAsync(user, code, cancellationToken))
        {
            return new PublishResult(PublishStatus.Forbidden, null, [], [], watch.Elapsed);
        }

        await using var scope = scopes.CreateAsyncScope();
        var versions = scope.ServiceProvider.GetRequiredService<ProcedureVersionStore>();
        if (await versions.GetAsync(versionId, cancellationToken) is not { } version || !string.Equals(version.ProcedureCode, code, StringComparison.OrdinalIgnoreCase))
        {
            return new PublishResult(PublishStatus.NotFound, null, [], [], watch.Elapsed);
        }

        if (scope.ServiceProvider.GetRequiredService<DefinitionImporter>().CompileBundle(version) is not { } procedure)
        {
            return new PublishResult(PublishStatus.Refused, null, ["This version no longer compiles."], [], watch.Elapsed);
        }

        await versions.RepublishAsync(versionId, user.Name, note, cancellationToken);
        catalog.PublishOne(procedure, versionId);
        var entry = (await VersionsAsync(user, code, cancellationToken)).FirstOrDefault(v => v.Id == versionId);
        return new PublishResult(PublishStatus.Published, entry, [], [], watch.Elapsed);
    }

    private async Task<bool> MayEditAsync(DesignerUser user, string code, CancellationToken cancellationToken) =>
        catalog.Find(code) is { } published ? user.MayEdit(published.Summary.AgencyCode)
        : await drafts.OpenStoredAsync(code, cancellationToken) is { } draft && user.MayEdit(draft.AgencyCode);

    private static bool Same(SortedDictionary<string, string> a, SortedDictionary<string, string> b) =>
        a.Count == b.Count && a.All(f => b.TryGetValue(f.Key, out var text) && Normalize(text) == Normalize(f.Value));

    /// <summary>Everything equal but the workflow's canvas layout.</summary>
    private static bool OnlyLayout(IReadOnlyDictionary<string, string> published, IReadOnlyDictionary<string, string> draft) =>
        published.Keys.Order().SequenceEqual(draft.Keys.Order())
        && published.All(f => Normalize(f.Value) == Normalize(draft[f.Key]) || WorkflowLayout.OnlyLayoutDiffers(f.Value, draft[f.Key]));

    /// <summary>JSON compared by meaning (formatting aside), other files by text.</summary>
    private static string Normalize(string text) => ProcedureFiles.TryParse(text) is { } json ? ProcedureFiles.WriteCompact(json) : text.Replace("\r\n", "\n", StringComparison.Ordinal);
}
