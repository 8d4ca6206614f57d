using System.Text.Json.Nodes;
using Dvc.Designer.Access;
using Dvc.Designer.Catalog;
using Dvc.Designer.Drafts;
using Dvc.Designer.Forms;
using Dvc.Engine.Core.Definitions;
using Dvc.Engine.Persistence.Procedures;
using Dvc.Engine.Server.Catalog;

namespace Dvc.Engine.Server.Designer;

/// <summary>
/// The designer's drafts on the engine's database. A singleton: each call opens its own scope (a Blazor circuit lives
/// for minutes and must not hold one DbContext). Every call checks the agency scope on the stored draft and on what
/// is being saved, so an agency admin can neither open another agency's procedure nor move one there.
/// </summary>
internal sealed class DesignerDrafts(IServiceScopeFactory scopes, ProcedureCatalog catalog, DraftWorkspace workspace, TimeProvider clock) : IProcedureDrafts
{
    public async Task<IReadOnlyList<CatalogEntry>> ListAsync(DesignerUser user, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var drafts = await scope.ServiceProvider.GetRequiredService<ProcedureDraftStore>().ListAsync(user.IsSystemAdmin ? null : [.. user.Scope], cancellationToken);
        var byCode = drafts.ToDictionary(d => d.ProcedureCode, StringComparer.OrdinalIgnoreCase);
        var entries = new List<CatalogEntry>();
        foreach (var p in catalog.Search(new CatalogQuery()).Where(p => user.MayEdit(p.AgencyCode)))
        {
            byCode.TryGetValue(p.Code, out var draft);
            entries.Add(new CatalogEntry(
                p.Code, p.Name.Vi, p.Name.En ?? "", p.AgencyCode, p.AdministrativeLevel, p.ServiceLevel, Published: true, HasDraft: draft is not null,
                HasUnpublishedChanges: draft is not null && draft.PublishedRevision != draft.Revision, draft?.ErrorCount ?? 0, draft?.UpdatedAt, draft?.UpdatedBy));
        }

        foreach (var draft in drafts.Where(d => catalog.Find(d.ProcedureCode) is null))
        {
            entries.Add(new CatalogEntry(
                draft.ProcedureCode, draft.Name, "", draft.AgencyCode, "", 0, Published: false, HasDraft: true, HasUnpublishedChanges: true,
                draft.ErrorCount, draft.UpdatedAt, draft.UpdatedBy));
        }

        // Level and service level of a never-published draft come from its files.
        for (var i = 0; i < entries.Count; i++)
        {
            if (!entries[i].Published && await OpenStoredAsync(entries[i].Code, cancellationToken) is { } stored)
            {
                var facts = workspace.Facts(ProcedureFiles.FromJson(stored.FilesJson));
                entries[i] = entries[i] with { NameEn = facts.NameEn, AdministrativeLevel = facts.AdministrativeLevel, ServiceLevel = facts.ServiceLevel };
            }
        }

        return [.. entries.OrderBy(e => e.Code, StringComparer.Ordinal)];
    }

    public Task<IReadOnlyList<AgencyChoice>> AgenciesAsync(DesignerUser user, CancellationToken cancellationToken)
    {
        var agencies = (ProcedureFiles.TryParse(workspace.Shared().GetValueOrDefault(SharedFragments.Agencies))?["agencies"] as JsonObject ?? [])
            .Where(a => a.Value is JsonObject)
            .Select(a => new AgencyChoice(a.Key, a.Value!["name"]?["vi"]?.ToString() ?? a.Key, a.Value!["name"]?["en"]?.ToString() ?? ""))
            .ToList();
        // The admin's own agency first: a new procedure is theirs unless they pick one below it.
        List<AgencyChoice> allowed = user.IsSystemAdmin
            ? agencies
            : [.. agencies.Where(a => user.MayEdit(a.Code)).OrderBy(a => !string.Equals(a.Code, user.AgencyCode, StringComparison.OrdinalIgnoreCase))];
        return Task.FromResult<IReadOnlyList<AgencyChoice>>(allowed.Count > 0 ? allowed : [new AgencyChoice(user.AgencyCode!, user.AgencyCode!, user.AgencyCode!)]);
    }

    public async Task<DraftOpen> OpenAsync(DesignerUser user, string code, CancellationToken cancellationToken)
    {
        if (await OpenStoredAsync(code, cancellationToken) is { } stored)
        {
            return user.MayEdit(stored.AgencyCode) ? new DraftOpen(DraftAccess.Ok, ToSnapshot(stored)) : new DraftOpen(DraftAccess.Forbidden, null);
        }

        if (catalog.Find(code) is not { } published || catalog.CurrentVersionId(published.Code) is not { } versionId)
        {
            return new DraftOpen(DraftAccess.NotFound, null);
        }

        if (!user.MayEdit(published.Summary.AgencyCode))
        {
            return new DraftOpen(DraftAccess.Forbidden, null);
        }

        // First open of a published procedure: the draft starts as its current version's folder.
        await using var scope = scopes.CreateAsyncScope();
        var versions = scope.ServiceProvider.GetRequiredService<ProcedureVersionStore>();
        if (await versions.GetAsync(versionId, cancellationToken) is not { } version)
        {
            return new DraftOpen(DraftAccess.NotFound, null);
        }

        var files = BundleFiles.FolderFiles(version.BundleJson);
        AddTestsFromDefinitions(published.Code, files);
        var store = scope.ServiceProvider.GetRequiredService<ProcedureDraftStore>();
        var facts = workspace.Facts(files);
        await store.CreateAsync(new ProcedureDraftSave(published.Code, facts.AgencyCode, facts.NameVi, ProcedureFiles.ToJson(files), 0, 0, user.Name), versionId, cancellationToken);
        await store.MarkPublishedAsync(published.Code, 1, versionId, cancellationToken);
        return await store.GetAsync(published.Code, cancellationToken) is { } created
            ? new DraftOpen(DraftAccess.Ok, ToSnapshot(created))
            : new DraftOpen(DraftAccess.NotFound, null);
    }

    public async Task<DraftSave> SaveAsync(DesignerUser user, string code, IReadOnlyDictionary<string, string> files, long expectedRevision, int errorCount, CancellationToken cancellationToken)
    {
        if (files.Keys.Any(k => !ProcedureFiles.IsSafePath(k)))
        {
            return new DraftSave(DraftAccess.Invalid, expectedRevision, null);
        }

        var facts = workspace.Facts(files);
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ProcedureDraftStore>();
        if (await store.GetAsync(code, cancellationToken) is not { } stored)
        {
            return new DraftSave(DraftAccess.NotFound, expectedRevision, null);
        }

        if (!user.MayEdit(stored.AgencyCode) || !user.MayEdit(facts.AgencyCode))
        {
            return new DraftSave(DraftAccess.Forbidden, expectedRevision, null);
        }

        var result = await store.SaveAsync(new ProcedureDraftSave(stored.ProcedureCode, facts.AgencyCode, facts.NameVi, ProcedureFiles.ToJson(files), expectedRevision, errorCount, user.Name), cancellationToken);
        return result.Saved
            ? new DraftSave(DraftAccess.Ok, result.Draft!.Revision, null)
            : new DraftSave(DraftAccess.Conflict, expectedRevision, result.Draft is { } theirs ? ToSnapshot(theirs) : null);
    }

    public async Task<DraftCreate> CreateAsync(DesignerUser user, NewProcedure request, CancellationToken cancellationToken)
    {
        var code = request.Code.Trim().ToUpperInvariant();
        if (!DraftWorkspace.IsCode(code))
        {
            return new DraftCreate(DraftAccess.Invalid, null, "code-format");
        }

        if (catalog.Find(code) is not null || await OpenStoredAsync(code, cancellationToken) is not null)
        {
            return new DraftCreate(DraftAccess.Conflict, null, "code-taken");
        }

        IReadOnlyDictionary<string, string> files;
        switch (request.Source)
        {
            case NewProcedureSource.Copy:
                if (request.CopyOf is not { } source || await OpenAsync(user, source, cancellationToken) is not { Access: DraftAccess.Ok, Draft: { } original })
                {
                    return new DraftCreate(DraftAccess.NotFound, null, "copy-missing");
                }

                files = original.Files;
                break;
            case NewProcedureSource.Import:
                files = request.Files ?? new Dictionary<string, string>();
                if (!files.ContainsKey(ProcedureFiles.Manifest) || files.Keys.Any(k => !ProcedureFiles.IsSafePath(k)))
                {
                    return new DraftCreate(DraftAccess.Invalid, null, "import-invalid");
                }

                break;
            default:
                files = Scaffold(code, request.Source == NewProcedureSource.Scratch);
                break;
        }

        var agency = request.Source == NewProcedureSource.Import && request.AgencyCode.Length == 0 ? workspace.Facts(files).AgencyCode : request.AgencyCode;
        if (!user.MayEdit(agency))
        {
            return new DraftCreate(DraftAccess.Forbidden, null, "agency-forbidden");
        }

        var prepared = Prepare(files, code, request, agency);
        var facts = workspace.Facts(prepared);
        if (facts.NameVi.Length == 0)
        {
            return new DraftCreate(DraftAccess.Invalid, null, "name-missing");
        }

        await using var scope = scopes.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<ProcedureDraftStore>()
            .CreateAsync(new ProcedureDraftSave(code, facts.AgencyCode, facts.NameVi, ProcedureFiles.ToJson(prepared), 0, 0, user.Name), null, cancellationToken);
        return created is null ? new DraftCreate(DraftAccess.Conflict, null, "code-taken") : new DraftCreate(DraftAccess.Ok, code, null);
    }

    public Task<IReadOnlyDictionary<string, string>> SharedFragmentsAsync(CancellationToken cancellationToken) => Task.FromResult(workspace.Shared());

    internal async Task<ProcedureDraftRecord?> OpenStoredAsync(string code, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ProcedureDraftStore>().GetAsync(code.ToUpperInvariant(), cancellationToken);
    }

    /// <summary>
    /// Stored versions leave the test cases out; a procedure that came from definitions/ brings its tests/ from there,
    /// so the admin can run them and publishing keeps checking them.
    /// </summary>
    private void AddTestsFromDefinitions(string code, SortedDictionary<string, string> files)
    {
        var tests = ProcedureFiles.TryParse(files.GetValueOrDefault(ProcedureFiles.Manifest))?["parts"]?["tests"]?.ToString();
        if (workspace.DefinitionsRoot is not { } root || tests is null || !ProcedureFiles.IsSafePath(tests))
        {
            return;
        }

        var folder = Path.Combine(root, ProcedureCompiler.ProceduresFolder, code, tests);
        if (Directory.Exists(folder))
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal).Take(200))
            {
                files[$"{tests}/{Path.GetFileName(file)}"] = File.ReadAllText(file);
            }
        }
    }

    internal static DraftSnapshot ToSnapshot(ProcedureDraftRecord draft) =>
        new(draft.ProcedureCode, draft.Revision, ProcedureFiles.FromJson(draft.FilesJson), draft.UpdatedAt, draft.UpdatedBy, draft.PublishedRevision != draft.Revision);

    /// <summary>The scaffold <c>dvc new</c> writes; "from scratch" empties its form, rules, attachments and tests.</summary>
    private static SortedDictionary<string, string> Scaffold(string code, bool empty)
    {
        var files = new SortedDictionary<string, string>(ProcedureScaffold.Files(code, "../../shared/applicant.schema.json#").ToDictionary(f => f.File, f => f.Content), StringComparer.Ordinal);
        if (!empty)
        {
            return files;
        }

        foreach (var test in files.Keys.Where(k => k.StartsWith("tests/", StringComparison.Ordinal)).ToList())
        {
            files.Remove(test);
        }

        files["form.schema.json"] = ProcedureFiles.Write(new JsonObject
        {
            ["$schema"] = "http://json-schema.org/draft-07/schema#",
            ["type"] = "object",
            ["required"] = new JsonArray(),
            ["properties"] = new JsonObject(),
        });
        files["rules.json"] = "[]\n";
        files["templates/result.sbn"] = "KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH\n{{ procedure.name }}\nSố hồ sơ: {{ dossier.code }}\nNgày: {{ vndate today }}\n";
        if (ProcedureFiles.TryParse(files[ProcedureFiles.Manifest]) is JsonObject manifest)
        {
            manifest["attachments"] = new JsonArray();
            // The tests folder is named when the first test case is saved (an empty folder is not a file of the draft).
            (manifest["parts"] as JsonObject)?.Remove("tests");
            manifest["fee"] = new JsonObject { ["description"] = new JsonObject { ["vi"] = "Không thu phí", ["en"] = "Free of charge" } };
            files[ProcedureFiles.Manifest] = ProcedureFiles.Write(manifest);
        }

        return files;
    }

    /// <summary>Puts the new code, name, agency and levels into procedure.json (an import keeps its own names).</summary>
    private SortedDictionary<string, string> Prepare(IReadOnlyDictionary<string, string> files, string code, NewProcedure request, string agency)
    {
        var result = new SortedDictionary<string, string>(files.ToDictionary(f => f.Key, f => f.Value), StringComparer.Ordinal);
        if (ProcedureFiles.TryParse(result.GetValueOrDefault(ProcedureFiles.Manifest)) is not JsonObject manifest)
        {
            return result;
        }

        manifest["code"] = code;
        if (request.Source != NewProcedureSource.Import || request.NameVi.Length > 0)
        {
            manifest["name"] = new JsonObject { ["vi"] = request.NameVi.Trim(), ["en"] = request.NameEn.Trim() };
            manifest["administrativeLevel"] = request.AdministrativeLevel;
            manifest["serviceLevel"] = request.ServiceLevel;
        }

        var shared = ProcedureFiles.TryParse(workspace.Shared().GetValueOrDefault(SharedFragments.Agencies))?["agencies"]?[agency];
        manifest["agency"] = shared is not null
            ? new JsonObject { ["$ref"] = $"../../shared/agencies.json#/agencies/{agency}" }
            : manifest["agency"]?["code"]?.ToString() == agency ? manifest["agency"]!.DeepClone() : new JsonObject { ["code"] = agency, ["name"] = new JsonObject { ["vi"] = agency, ["en"] = agency } };
        result[ProcedureFiles.Manifest] = ProcedureFiles.Write(manifest);
        _ = clock;
        return result;
    }
}
