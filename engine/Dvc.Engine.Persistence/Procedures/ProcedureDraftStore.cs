using Microsoft.EntityFrameworkCore;

namespace Dvc.Engine.Persistence.Procedures;

/// <summary>
/// The designer's drafts. A save is one conditional UPDATE on the revision the editor loaded: when another admin saved
/// in between, nothing is written and the newer draft comes back so the editor can merge or reload.
/// </summary>
public sealed class ProcedureDraftStore(DvcDbContext db, TimeProvider time)
{
    public Task<ProcedureDraftRecord?> GetAsync(string procedureCode, CancellationToken cancellationToken) =>
        db.ProcedureDrafts.AsNoTracking()
            .Where(d => d.ProcedureCode == procedureCode)
            .Select(d => new ProcedureDraftRecord(d.Id, d.ProcedureCode, d.AgencyCode, d.Name, d.FilesJson, d.Revision, d.BaseVersionId, d.ErrorCount, d.UpdatedAt, d.UpdatedBy, d.PublishedRevision))
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>Every draft (of the given agencies when <paramref name="agencyCodes"/> is not null), without their files.</summary>
    public async Task<IReadOnlyList<ProcedureDraftRecord>> ListAsync(IReadOnlyCollection<string>? agencyCodes, CancellationToken cancellationToken) =>
        await db.ProcedureDrafts.AsNoTracking()
            .Where(d => agencyCodes == null || agencyCodes.Contains(d.AgencyCode))
            .OrderBy(d => d.ProcedureCode)
            .Select(d => new ProcedureDraftRecord(d.Id, d.ProcedureCode, d.AgencyCode, d.Name, "", d.Revision, d.BaseVersionId, d.ErrorCount, d.UpdatedAt, d.UpdatedBy, d.PublishedRevision))
            .ToListAsync(cancellationToken);

    /// <summary>Creates the draft of a code; null when that code already has one.</summary>
    public async Task<ProcedureDraftRecord?> CreateAsync(ProcedureDraftSave draft, Guid? baseVersionId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var row = new ProcedureDraft
        {
            Id = Guid.CreateVersion7(now),
            ProcedureCode = draft.ProcedureCode,
            AgencyCode = draft.AgencyCode,
            Name = draft.Name,
            FilesJson = draft.FilesJson,
            Revision = 1,
            BaseVersionId = baseVersionId,
            ErrorCount = draft.ErrorCount,
            CreatedAt = now,
            UpdatedAt = now,
            UpdatedBy = draft.UpdatedBy,
        };
        db.ProcedureDrafts.Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return null;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }

        return ToRecord(row);
    }

    /// <summary>Saves when the stored revision is still <see cref="ProcedureDraftSave.ExpectedRevision"/>; otherwise returns the stored draft unsaved.</summary>
    public async Task<ProcedureDraftSaveResult> SaveAsync(ProcedureDraftSave draft, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var rows = await db.ProcedureDrafts
            .Where(d => d.ProcedureCode == draft.ProcedureCode && d.Revision == draft.ExpectedRevision)
            .ExecuteUpdateAsync(
                s => s.SetProperty(d => d.FilesJson, draft.FilesJson)
                    .SetProperty(d => d.AgencyCode, draft.AgencyCode)
                    .SetProperty(d => d.Name, draft.Name)
                    .SetProperty(d => d.ErrorCount, draft.ErrorCount)
                    .SetProperty(d => d.UpdatedAt, now)
                    .SetProperty(d => d.UpdatedBy, draft.UpdatedBy)
                    .SetProperty(d => d.Revision, d => d.Revision + 1),
                cancellationToken);
        return new ProcedureDraftSaveResult(rows == 1, await GetAsync(draft.ProcedureCode, cancellationToken));
    }

    /// <summary>Records that <paramref name="revision"/> became version <paramref name="versionId"/>; the revision itself does not move.</summary>
    public async Task<bool> MarkPublishedAsync(string procedureCode, long revision, Guid versionId, CancellationToken cancellationToken) =>
        await db.ProcedureDrafts
            .Where(d => d.ProcedureCode == procedureCode && d.Revision == revision)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.PublishedRevision, revision).SetProperty(d => d.BaseVersionId, versionId), cancellationToken) == 1;

    /// <summary>Removes the draft (after publishing, or when the admin discards it); false when it changed meanwhile.</summary>
    public async Task<bool> DeleteAsync(string procedureCode, long expectedRevision, CancellationToken cancellationToken) =>
        await db.ProcedureDrafts
            .Where(d => d.ProcedureCode == procedureCode && d.Revision == expectedRevision)
            .ExecuteDeleteAsync(cancellationToken) == 1;

    private static ProcedureDraftRecord ToRecord(ProcedureDraft d) =>
        new(d.Id, d.ProcedureCode, d.AgencyCode, d.Name, d.FilesJson, d.Revision, d.BaseVersionId, d.ErrorCount, d.UpdatedAt, d.UpdatedBy, d.PublishedRevision);
}
