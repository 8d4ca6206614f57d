using Microsoft.EntityFrameworkCore;

namespace Dvc.Engine.Persistence.Agencies;

/// <summary>The agency list: imported with the catalog (by code, idempotent), read by every node.</summary>
public sealed class AgencyStore(DvcDbContext db, TimeProvider time)
{
    /// <summary>
    /// Adds new agencies and updates changed ones; agencies missing from <paramref name="agencies"/> are kept, because
    /// dossiers may still name them. Returns how many rows changed (0 when the list is as stored).
    /// </summary>
    public async Task<int> ImportAsync(IReadOnlyCollection<AgencyRecord> agencies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agencies);
        await using var scope = await db.BeginWriteTransactionAsync(cancellationToken);
        var stored = await db.Agencies.ToDictionaryAsync(a => a.Code, StringComparer.OrdinalIgnoreCase, cancellationToken);
        var now = time.GetUtcNow();
        var changed = 0;
        foreach (var record in agencies)
        {
            if (!stored.TryGetValue(record.Code, out var row))
            {
                row = new Agency { Code = record.Code };
                db.Agencies.Add(row);
                stored[record.Code] = row;
            }
            else if (ToRecord(row) == record)
            {
                continue;
            }

            row.NameVi = record.NameVi;
            row.NameEn = record.NameEn;
            row.ParentCode = record.ParentCode;
            row.IsGroup = record.IsGroup;
            row.UnitVersion = record.UnitVersion;
            row.UnitId = record.UnitId;
            row.ValidFrom = record.ValidFrom;
            row.ValidTo = record.ValidTo;
            row.UpdatedAt = now;
            changed++;
        }

        await db.SaveChangesAsync(cancellationToken);
        await scope.CommitAsync(cancellationToken);
        return changed;
    }

    public async Task<IReadOnlyList<AgencyRecord>> ListAsync(CancellationToken cancellationToken) =>
        (await db.Agencies.AsNoTracking().OrderBy(a => a.Code).ToListAsync(cancellationToken)).Select(ToRecord).ToList();

    private static AgencyRecord ToRecord(Agency a) =>
        new(a.Code, a.NameVi, a.NameEn, a.ParentCode, a.IsGroup, a.UnitVersion, a.UnitId, a.ValidFrom, a.ValidTo);
}
