using Microsoft.EntityFrameworkCore;

namespace Dvc.Engine.Persistence.Plugins;

/// <summary>A plugin record as stored: the JSON is the caller's to parse.</summary>
public sealed record StoredPluginRecord(string Kind, string Key, string? DossierCode, string Status, string DataJson, long Version, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>Plugins' records: read, and saved optimistically (insert at version 0, update at the version read).</summary>
public sealed class PluginRecordStore(DvcDbContext db, TimeProvider time)
{
    public Task<StoredPluginRecord?> FindAsync(string kind, string key, CancellationToken cancellationToken) =>
        db.PluginRecords.AsNoTracking().Where(r => r.Kind == kind && r.Key == key)
            .Select(r => new StoredPluginRecord(r.Kind, r.Key, r.DossierCode, r.Status, r.DataJson, r.Version, r.CreatedAt, r.UpdatedAt))
            .SingleOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<StoredPluginRecord>> ListAsync(string kind, string dossierCode, CancellationToken cancellationToken) =>
        await db.PluginRecords.AsNoTracking().Where(r => r.Kind == kind && r.DossierCode == dossierCode)
            .OrderBy(r => r.CreatedAt).ThenBy(r => r.Key)
            .Select(r => new StoredPluginRecord(r.Kind, r.Key, r.DossierCode, r.Status, r.DataJson, r.Version, r.CreatedAt, r.UpdatedAt))
            .ToListAsync(cancellationToken);

    /// <summary>The saved record with its new version, or null when the version (or, for an insert, the key) was taken.</summary>
    public async Task<StoredPluginRecord?> SaveAsync(string kind, string key, string? dossierCode, string status, string dataJson, long expectedVersion, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (expectedVersion == 0)
        {
            // Checked first rather than caught: on PostgreSQL a failed insert would abort the caller's transaction.
            if (await db.PluginRecords.AnyAsync(r => r.Kind == kind && r.Key == key, cancellationToken))
            {
                return null;
            }

            db.PluginRecords.Add(new PluginRecordEntity
            {
                Id = Guid.CreateVersion7(now),
                Kind = kind,
                Key = key,
                DossierCode = dossierCode,
                Status = status,
                DataJson = dataJson,
                CreatedAt = now,
                UpdatedAt = now,
                Version = 1,
            });
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return await FindAsync(kind, key, cancellationToken);
        }

        var rows = await db.PluginRecords
            .Where(r => r.Kind == kind && r.Key == key && r.Version == expectedVersion)
            .ExecuteUpdateAsync(
                s => s.SetProperty(r => r.Status, status)
                    .SetProperty(r => r.DataJson, dataJson)
                    .SetProperty(r => r.DossierCode, dossierCode)
                    .SetProperty(r => r.UpdatedAt, now)
                    .SetProperty(r => r.Version, r => r.Version + 1),
                cancellationToken);
        return rows == 1 ? await FindAsync(kind, key, cancellationToken) : null;
    }
}
