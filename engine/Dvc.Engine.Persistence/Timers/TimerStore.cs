using Dvc.Engine.Persistence.Postgres;
using Microsoft.EntityFrameworkCore;

namespace Dvc.Engine.Persistence.Timers;

/// <summary>
/// Due timers, claimed with a lease: a node that claims a timer owns it until <c>LeaseUntil</c>; if it dies before
/// firing, the lease runs out and any node claims it again.
/// </summary>
public sealed class TimerStore(DvcDbContext db, TimeProvider time)
{
    /// <summary>Schedules a timer for an existing bookmark (normally done by WorkflowStore with the bookmark).</summary>
    public async Task<TimerRecord> ScheduleAsync(Guid instanceId, Guid bookmarkId, DateTimeOffset dueAt, CancellationToken cancellationToken)
    {
        var timer = NewTimer(instanceId, bookmarkId, dueAt, time.GetUtcNow());
        db.Timers.Add(timer);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return new TimerRecord(timer.Id, timer.InstanceId, timer.BookmarkId, timer.DueAt, null, null);
    }

    /// <summary>
    /// Claims up to <paramref name="max"/> unfired timers that are due and not leased (or whose lease expired), for
    /// <paramref name="owner"/> until now + <paramref name="lease"/>. Each claim is a conditional UPDATE on the row's
    /// version, so two nodes never both get the same timer.
    /// </summary>
    public async Task<IReadOnlyList<TimerRecord>> ClaimDueAsync(string owner, TimeSpan lease, int max, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        if (db.Database.IsNpgsql())
        {
            return await ClaimDueOnPostgresAsync(owner, lease, max, cancellationToken);
        }

        var now = time.GetUtcNow();
        var until = now + lease;
        var candidates = await db.Timers.AsNoTracking()
            .Where(t => t.FiredAt == null && t.DueAt <= now && (t.LeaseUntil == null || t.LeaseUntil <= now))
            .OrderBy(t => t.DueAt)
            .Take(max)
            .Select(t => new { t.Id, t.Version })
            .ToListAsync(cancellationToken);

        var claimed = new List<Guid>(candidates.Count);
        foreach (var candidate in candidates)
        {
            var rows = await db.Timers
                .Where(t => t.Id == candidate.Id && t.Version == candidate.Version && t.FiredAt == null)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(t => t.LeaseOwner, owner)
                        .SetProperty(t => t.LeaseUntil, until)
                        .SetProperty(t => t.Version, t => t.Version + 1),
                    cancellationToken);
            if (rows == 1)
            {
                claimed.Add(candidate.Id);
            }
        }

        return await db.Timers.AsNoTracking()
            .Where(t => claimed.Contains(t.Id))
            .OrderBy(t => t.DueAt)
            .Select(t => new TimerRecord(t.Id, t.InstanceId, t.BookmarkId, t.DueAt, t.LeaseOwner, t.LeaseUntil))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// One statement on the database's clock: rows another node is claiming right now are skipped, not waited for, so
    /// nodes polling together split the due timers instead of queueing behind each other.
    /// </summary>
    private async Task<IReadOnlyList<TimerRecord>> ClaimDueOnPostgresAsync(string owner, TimeSpan lease, int max, CancellationToken cancellationToken)
    {
        var now = DatabaseClock.Pinned(time);
        var claimed = await PostgresRetry.RunAsync(
            () => db.Database.SqlQuery<TimerRecord>($"""
                WITH clock AS (SELECT coalesce(CAST({now} AS timestamptz), now()) AS now)
                UPDATE "Timers" AS t
                SET "LeaseOwner" = {owner}, "LeaseUntil" = clock.now + {lease}, "Version" = t."Version" + 1
                FROM clock
                WHERE t."Id" IN (
                    SELECT d."Id" FROM "Timers" AS d, clock
                    WHERE d."FiredAt" IS NULL AND d."DueAt" <= clock.now AND (d."LeaseUntil" IS NULL OR d."LeaseUntil" <= clock.now)
                    ORDER BY d."DueAt"
                    LIMIT {max}
                    FOR UPDATE OF d SKIP LOCKED)
                RETURNING t."Id", t."InstanceId", t."BookmarkId", t."DueAt", t."LeaseOwner", t."LeaseUntil"
                """).ToListAsync(cancellationToken),
            cancellationToken);
        return [.. claimed.OrderBy(t => t.DueAt)];
    }

    /// <summary>Marks a timer fired. False when <paramref name="owner"/> no longer holds it (another node re-claimed it).</summary>
    public async Task<bool> MarkFiredAsync(Guid timerId, string owner, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var rows = await db.Timers
            .Where(t => t.Id == timerId && t.LeaseOwner == owner && t.FiredAt == null)
            .ExecuteUpdateAsync(
                s => s.SetProperty(t => t.FiredAt, now)
                    .SetProperty(t => t.LeaseUntil, (DateTimeOffset?)null)
                    .SetProperty(t => t.Version, t => t.Version + 1),
                cancellationToken);
        return rows == 1;
    }

    /// <summary>Gives a claimed timer back without firing it (e.g. on shutdown), so another node can take it at once.</summary>
    public async Task<bool> ReleaseAsync(Guid timerId, string owner, CancellationToken cancellationToken)
    {
        var rows = await db.Timers
            .Where(t => t.Id == timerId && t.LeaseOwner == owner && t.FiredAt == null)
            .ExecuteUpdateAsync(
                s => s.SetProperty(t => t.LeaseOwner, (string?)null)
                    .SetProperty(t => t.LeaseUntil, (DateTimeOffset?)null)
                    .SetProperty(t => t.Version, t => t.Version + 1),
                cancellationToken);
        return rows == 1;
    }

    internal static WorkflowTimer NewTimer(Guid instanceId, Guid bookmarkId, DateTimeOffset dueAt, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        InstanceId = instanceId,
        BookmarkId = bookmarkId,
        DueAt = dueAt,
        Version = 1,
    };
}
