using Dvc.Engine.Core.Definitions;
using Dvc.Engine.Persistence;
using Dvc.Engine.Persistence.Procedures;
using Microsoft.EntityFrameworkCore;

namespace Dvc.Engine.Server.Catalog;

/// <summary>
/// Imports <c>definitions/</c> at start: compiles every procedure (a broken one is logged with its diagnostics and
/// skipped; the rest are served), stores the agency list and each version by content hash (importing unchanged
/// content is a no-op), and publishes the compiled set to the <see cref="ProcedureCatalog"/>.
/// </summary>
internal sealed partial class DefinitionImporter(
    ProcedureCompiler compiler,
    ProcedureVersionStore versions,
    DvcDbContext db,
    ProcedureCatalog catalog,
    Agencies.AgencyCatalog agencies,
    ILogger<DefinitionImporter> logger)
{
    public async Task<DefinitionImportReport> ImportAsync(string definitionsRoot, CancellationToken ct)
    {
        var compilation = compiler.CompileCatalog(definitionsRoot, ct);
        foreach (var diagnostic in compilation.Diagnostics.Where(d => d.IsError))
        {
            LogDiagnostic(logger, diagnostic.Code, diagnostic.Message, diagnostic.File, diagnostic.Line);
        }

        // Agencies first: the procedures about to be served route dossiers to them.
        await agencies.ImportAsync(compilation.Agencies ?? Core.Agencies.AgencyDirectory.Empty, ct);
        var published = new List<(CompiledProcedure, Guid)>();
        var fromFiles = new Dictionary<string, DateTimeOffset?>(StringComparer.Ordinal);
        var skipped = new List<string>();
        var created = 0;
        foreach (var result in compilation.Procedures)
        {
            if (result.Procedure is not { } procedure)
            {
                skipped.Add(result.Code.Length > 0 ? result.Code : result.Folder);
                foreach (var d in result.Diagnostics.Where(d => d.IsError).Take(20))
                {
                    LogDiagnostic(logger, d.Code, d.Message, d.File, d.Line);
                }

                continue;
            }

            var imported = await versions.ImportAsync(
                new ProcedureImport(procedure.Code, procedure.Version, ProcedureBundle.Create(definitionsRoot, procedure.Folder, procedure.Code, procedure.Version, procedure.ContentHash, procedure.Workflow?.SubWorkflows.Select(p => p.File) ?? []), "definitions", Publish: true),
                ct);
            published.Add((procedure, imported.Version.Id));
            fromFiles[procedure.Code] = imported.Version.PublishedAt;
            created += imported.Created ? 1 : 0;
        }

        catalog.Publish(published);

        // A version published from the designer after these files were imported (or a procedure that exists only in
        // the database) is what citizens must get, not the older files; changed files just imported are newer than
        // anything before them (strictly later: two publications at one instant leave the files' version current).
        foreach (var latest in await versions.ListLatestPublishedAsync(ct))
        {
            var filesWin = fromFiles.TryGetValue(latest.ProcedureCode, out var filesPublishedAt) && !(latest.PublishedAt > filesPublishedAt);
            if (!filesWin && !published.Any(p => p.Item2 == latest.Id) && await versions.GetAsync(latest.Id, ct) is { } version && CompileBundle(version) is { } procedure)
            {
                catalog.PublishOne(procedure, latest.Id);
            }
        }

        // A restart with unchanged definitions stores nothing, and says so.
        LogImported(logger, published.Count, definitionsRoot, created, published.Count - created, skipped.Count);
        return new DefinitionImportReport(published.Count, created, skipped);
    }

    /// <summary>
    /// Compiles again, from their stored bundles, the older versions that unfinished dossiers are pinned to, so they
    /// keep running on the rules, templates and workflow they were filed under.
    /// </summary>
    public async Task<int> RestorePinnedVersionsAsync(CancellationToken ct)
    {
        var pinned = await db.Dossiers.AsNoTracking()
            .Where(d => d.CompletedAt == null)
            .Select(d => d.ProcedureVersionId)
            .Distinct()
            .ToListAsync(ct);
        var restored = 0;
        foreach (var versionId in pinned.Where(id => !catalog.Knows(id)))
        {
            if (await versions.GetAsync(versionId, ct) is not { } version)
            {
                continue;
            }

            if (CompileBundle(version) is { } procedure)
            {
                catalog.Pin(procedure, versionId);
                restored++;
            }
            else
            {
                LogNotRestored(logger, version.ProcedureCode, version.AuthorVersion, versionId);
            }
        }

        return restored;
    }

    /// <summary>Compiles a stored version from its bundle (written to a temporary folder and removed again); null when it does not compile.</summary>
    public CompiledProcedure? CompileBundle(ProcedureVersionRecord version)
    {
        var folder = Path.Combine(Path.GetTempPath(), "dvc-versions", version.Id.ToString("N"));
        try
        {
            return ProcedureBundle.Materialize(version.BundleJson, folder) is { } procedureFolder
                ? compiler.CompileFolder(procedureFolder, folder).Procedure
                : null;
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [LoggerMessage(EventId = 5202, Level = LogLevel.Warning, Message = "Version {Version} of {Code} ({VersionId}) has open dossiers but its bundle does not compile; they use the current version")]
    private static partial void LogNotRestored(ILogger logger, string code, string version, Guid versionId);

    [LoggerMessage(EventId = 5200, Level = LogLevel.Information, Message = "Serving {Count} procedure(s) from {Root}: {Created} new or changed version(s) stored, {Unchanged} unchanged, {Skipped} skipped because they do not compile")]
    private static partial void LogImported(ILogger logger, int count, string root, int created, int unchanged, int skipped);

    [LoggerMessage(EventId = 5201, Level = LogLevel.Warning, Message = "{Code}: {Message} ({File}, line {Line})")]
    private static partial void LogDiagnostic(ILogger logger, string code, string message, string file, int line);
}

/// <summary>What an import did: procedures served, how many of them were stored as new versions, and those that did not compile.</summary>
internal sealed record DefinitionImportReport(int Served, int Created, IReadOnlyList<string> Skipped);
