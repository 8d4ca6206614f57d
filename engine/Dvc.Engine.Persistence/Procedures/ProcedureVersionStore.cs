using System.Security.Cryptography;
using System.Text;
using Dvc.Engine.Persistence.Dossiers;
using Microsoft.EntityFrameworkCore;

namespace Dvc.Engine.Persistence.Procedures;

/// <summary>Immutable procedure versions: import (idempotent by content hash), publish, find the latest.</summary>
public sealed class ProcedureVersionStore(DvcDbContext db, TimeProvider time)
{
    /// <summary>Lower-case hex SHA-256 of the bundle's UTF-8 bytes: the identity of a version's content.</summary>
    public static string ComputeContentHash(string bundleJson)
    {
        ArgumentNullException.ThrowIfNull(bundleJson);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(bundleJson)));
    }

    /// <summary>
    /// Stores a new version unless one with the same content already exists, in which case that one is returned
    /// unchanged (<c>Created = false</c>): the server imports <c>definitions/</c> on every start, and several nodes
    /// may do it at once.
    /// </summary>
    public async Task<ProcedureImportResult> ImportAsync(ProcedureImport import, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(import);
        var hash = ComputeContentHash(import.BundleJson);
        var existing = await FindByHashAsync(hash, cancellationToken);
        if (existing is not null)
        {
            return new ProcedureImportResult(existing, Created: false);
        }

        var now = time.GetUtcNow();
        var version = new ProcedureVersion
        {
            Id = Guid.CreateVersion7(now),
            ProcedureCode = import.ProcedureCode,
            AuthorVersion = import.AuthorVersion,
            ContentHash = hash,
            BundleJson = import.BundleJson,
            Status = import.Publish ? ProcedureVersionStatus.Published : ProcedureVersionStatus.Draft,
            ImportedAt = now,
            ImportedBy = import.ImportedBy,
            PublishedAt = import.Publish ? now : null,
            PublishedBy = import.Publish ? import.ImportedBy : null,
            Note = import.Note,
            Version = 1,
        };
        db.ProcedureVersions.Add(version);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another node imported the same content between our check and our insert: the unique hash wins.
            db.Entry(version).State = EntityState.Detached;
            var winner = await FindByHashAsync(hash, cancellationToken);
            if (winner is null)
            {
                throw;
            }

            return new ProcedureImportResult(winner, Created: false);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }

        return new ProcedureImportResult(ToSummary(version), Created: true);
    }

    /// <summary>Publishes a draft. False when the version does not exist or is not a draft.</summary>
    public async Task<bool> PublishAsync(Guid versionId, string publishedBy, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var rows = await db.ProcedureVersions
            .Where(v => v.Id == versionId && v.Status == ProcedureVersionStatus.Draft)
            .ExecuteUpdateAsync(
                s => s.SetProperty(v => v.Status, ProcedureVersionStatus.Published)
                    .SetProperty(v => v.PublishedAt, now)
                    .SetProperty(v => v.PublishedBy, publishedBy)
                    .SetProperty(v => v.Version, v => v.Version + 1),
                cancellationToken);
        return rows == 1;
    }

    /// <summary>
    /// Makes an existing version the current one again (a rollback): its content stays as it is, only the publication
    /// columns move, so the newest <see cref="ProcedureVersion.PublishedAt"/> wins. False when the version does not exist.
    /// </summary>
    public async Task<bool> RepublishAsync(Guid versionId, string publishedBy, string? note, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var rows = await db.ProcedureVersions
            .Where(v => v.Id == versionId)
            .ExecuteUpdateAsync(
                s => s.SetProperty(v => v.Status, ProcedureVersionStatus.Published)
                    .SetProperty(v => v.PublishedAt, now)
                    .SetProperty(v => v.PublishedBy, publishedBy)
                    .SetProperty(v => v.Note, note)
                    .SetProperty(v => v.Version, v => v.Version + 1),
                cancellationToken);
        return rows == 1;
    }

    /// <summary>Retires a published version: new dossiers no longer use it, pinned ones keep running on it.</summary>
    public async Task<bool> RetireAsync(Guid versionId, CancellationToken cancellationToken)
    {
        var rows = await db.ProcedureVersions
            .Where(v => v.Id == versionId && v.Status == ProcedureVersionStatus.Published)
            .ExecuteUpdateAsync(
                s => s.SetProperty(v => v.Status, ProcedureVersionStatus.Retired).SetProperty(v => v.Version, v => v.Version + 1),
                cancellationToken);
        return rows == 1;
    }

    public Task<ProcedureVersionRecord?> GetAsync(Guid versionId, CancellationToken cancellationToken) =>
        db.ProcedureVersions.AsNoTracking()
            .Where(v => v.Id == versionId)
            .Select(v => new ProcedureVersionRecord(v.Id, v.ProcedureCode, v.AuthorVersion, v.ContentHash, v.Status, v.ImportedAt, v.PublishedAt, v.PublishedBy, v.BundleJson))
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>The most recently published version of a procedure (what a new dossier starts on), or null.</summary>
    public Task<ProcedureVersionRecord?> GetLatestPublishedAsync(string procedureCode, CancellationToken cancellationToken) =>
        db.ProcedureVersions.AsNoTracking()
            .Where(v => v.ProcedureCode == procedureCode && v.Status == ProcedureVersionStatus.Published)
            .OrderByDescending(v => v.PublishedAt)
            .ThenByDescending(v => v.ImportedAt)
            .Select(v => new ProcedureVersionRecord(v.Id, v.ProcedureCode, v.AuthorVersion, v.ContentHash, v.Status, v.ImportedAt, v.PublishedAt, v.PublishedBy, v.BundleJson))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>The latest published version of every procedure (the catalog), by code.</summary>
    public async Task<IReadOnlyList<ProcedureVersionSummary>> ListLatestPublishedAsync(CancellationToken cancellationToken) =>
        await db.ProcedureVersions.AsNoTracking()
            .Where(v => v.Status == ProcedureVersionStatus.Published
                && !db.ProcedureVersions.Any(o => o.ProcedureCode == v.ProcedureCode
                    && o.Status == ProcedureVersionStatus.Published
                    && (o.PublishedAt > v.PublishedAt || (o.PublishedAt == v.PublishedAt && o.ImportedAt > v.ImportedAt))))
            .OrderBy(v => v.ProcedureCode)
            .Select(v => new ProcedureVersionSummary(v.Id, v.ProcedureCode, v.AuthorVersion, v.ContentHash, v.Status, v.ImportedAt, v.PublishedAt, v.PublishedBy, v.Note))
            .ToListAsync(cancellationToken);

    /// <summary>Every version of a procedure, newest import first.</summary>
    public async Task<IReadOnlyList<ProcedureVersionSummary>> ListVersionsAsync(string procedureCode, CancellationToken cancellationToken) =>
        await db.ProcedureVersions.AsNoTracking()
            .Where(v => v.ProcedureCode == procedureCode)
            .OrderByDescending(v => v.ImportedAt)
            .Select(v => new ProcedureVersionSummary(v.Id, v.ProcedureCode, v.AuthorVersion, v.ContentHash, v.Status, v.ImportedAt, v.PublishedAt, v.PublishedBy, v.Note))
            .ToListAsync(cancellationToken);

    /// <summary>How many unfinished dossiers each version of a procedure still carries (reported when publishing).</summary>
    public async Task<IReadOnlyDictionary<Guid, int>> CountOpenDossiersByVersionAsync(string procedureCode, CancellationToken cancellationToken)
    {
        var counts = await db.Set<Dossier>().AsNoTracking()
            .Where(d => d.ProcedureCode == procedureCode && d.CompletedAt == null)
            .GroupBy(d => d.ProcedureVersionId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return counts.ToDictionary(c => c.Key, c => c.Count);
    }

    private Task<ProcedureVersionSummary?> FindByHashAsync(string hash, CancellationToken cancellationToken) =>
        db.ProcedureVersions.AsNoTracking()
            .Where(v => v.ContentHash == hash)
            .Select(v => new ProcedureVersionSummary(v.Id, v.ProcedureCode, v.AuthorVersion, v.ContentHash, v.Status, v.ImportedAt, v.PublishedAt, v.PublishedBy, v.Note))
            .SingleOrDefaultAsync(cancellationToken);

    private static ProcedureVersionSummary ToSummary(ProcedureVersion v) =>
        new(v.Id, v.ProcedureCode, v.AuthorVersion, v.ContentHash, v.Status, v.ImportedAt, v.PublishedAt, v.PublishedBy, v.Note);
}
