using System.Linq.Expressions;
using Dvc.Engine.Persistence.Postgres;
using Microsoft.EntityFrameworkCore;

namespace Dvc.Engine.Persistence.Outbox;

/// <summary>
/// The transactional outbox: messages are claimed with a lease, delivered at least once, retried with the caller's
/// delay and dead-lettered after the caller's maximum attempts.
/// </summary>
public sealed class OutboxStore(DvcDbContext db, TimeProvider time)
{
    private static readonly Expression<Func<OutboxMessage, OutboxMessageRecord>> ToRecord = m => new OutboxMessageRecord(
        m.Id, m.Kind, m.PayloadJson, m.CreatedAt, m.Attempts, m.NextAttemptAt, m.LastError, m.LeaseOwner, m.LeaseUntil, m.DeliveredAt, m.DeadLetteredAt);

    public async Task<OutboxMessageRecord> EnqueueAsync(NewOutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var entity = NewMessage(message, time.GetUtcNow());
        db.OutboxMessages.Add(entity);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return (await GetAsync(entity.Id, cancellationToken))!;
    }

    public Task<OutboxMessageRecord?> GetAsync(Guid messageId, CancellationToken cancellationToken) =>
        db.OutboxMessages.AsNoTracking().Where(m => m.Id == messageId).Select(ToRecord).SingleOrDefaultAsync(cancellationToken);

    /// <summary>
    /// Claims up to <paramref name="max"/> undelivered messages whose next attempt is due and that are not leased (or
    /// whose lease expired), for <paramref name="owner"/> until now + <paramref name="lease"/>; counts the attempt.
    /// </summary>
    public async Task<IReadOnlyList<OutboxMessageRecord>> ClaimDueAsync(string owner, TimeSpan lease, int max, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        if (db.Database.IsNpgsql())
        {
            return await ClaimDueOnPostgresAsync(owner, lease, max, cancellationToken);
        }

        var now = time.GetUtcNow();
        var until = now + lease;
        var candidates = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.DeliveredAt == null && m.DeadLetteredAt == null && m.NextAttemptAt <= now
                && (m.LeaseUntil == null || m.LeaseUntil <= now)
                // Only the head of an ordered stream: nothing earlier of its key is still undelivered.
                && (m.OrderingKey == null || !db.OutboxMessages.Any(o => o.OrderingKey == m.OrderingKey && o.DeliveredAt == null && o.Sequence < m.Sequence)))
            .OrderBy(m => m.NextAttemptAt)
            .Take(max)
            .Select(m => new { m.Id, m.Version })
            .ToListAsync(cancellationToken);

        var claimed = new List<Guid>(candidates.Count);
        foreach (var candidate in candidates)
        {
            var rows = await db.OutboxMessages
                .Where(m => m.Id == candidate.Id && m.Version == candidate.Version && m.DeliveredAt == null && m.DeadLetteredAt == null)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(m => m.LeaseOwner, owner)
                        .SetProperty(m => m.LeaseUntil, until)
                        .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                        .SetProperty(m => m.Version, m => m.Version + 1),
                    cancellationToken);
            if (rows == 1)
            {
                claimed.Add(candidate.Id);
            }
        }

        return await db.OutboxMessages.AsNoTracking()
            .Where(m => claimed.Contains(m.Id))
            .OrderBy(m => m.NextAttemptAt)
            .Select(ToRecord)
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// One statement on the database's clock: rows another node is claiming right now are skipped, not waited for, so
    /// nodes polling together split the due messages instead of queueing behind each other.
    /// </summary>
    private async Task<IReadOnlyList<OutboxMessageRecord>> ClaimDueOnPostgresAsync(string owner, TimeSpan lease, int max, CancellationToken cancellationToken)
    {
        var now = DatabaseClock.Pinned(time);
        var claimed = await PostgresRetry.RunAsync(
            () => db.Database.SqlQuery<OutboxMessageRecord>($"""
                WITH clock AS (SELECT coalesce(CAST({now} AS timestamptz), now()) AS now)
                UPDATE "OutboxMessages" AS m
                SET "LeaseOwner" = {owner}, "LeaseUntil" = clock.now + {lease}, "Attempts" = m."Attempts" + 1, "Version" = m."Version" + 1
                FROM clock
                WHERE m."Id" IN (
                    SELECT d."Id" FROM "OutboxMessages" AS d, clock
                    WHERE d."DeliveredAt" IS NULL AND d."DeadLetteredAt" IS NULL AND d."NextAttemptAt" <= clock.now
                        AND (d."LeaseUntil" IS NULL OR d."LeaseUntil" <= clock.now)
                    ORDER BY d."NextAttemptAt"
                    LIMIT {max}
                    FOR UPDATE OF d SKIP LOCKED)
                RETURNING m."Id", m."Kind", m."PayloadJson", m."CreatedAt", m."Attempts", m."NextAttemptAt", m."LastError",
                    m."LeaseOwner", m."LeaseUntil", m."DeliveredAt", m."DeadLetteredAt"
                """).ToListAsync(cancellationToken),
            cancellationToken);
        return [.. claimed.OrderBy(m => m.NextAttemptAt)];
    }

    /// <summary>Marks a claimed message delivered. False when <paramref name="owner"/> lost the lease meanwhile.</summary>
    public async Task<bool> MarkDeliveredAsync(Guid messageId, string owner, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var rows = await db.OutboxMessages
            .Where(m => m.Id == messageId && m.LeaseOwner == owner && m.DeliveredAt == null)
            .ExecuteUpdateAsync(
                s => s.SetProperty(m => m.DeliveredAt, now)
                    .SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null)
                    .SetProperty(m => m.Version, m => m.Version + 1),
                cancellationToken);
        return rows == 1;
    }

    /// <summary>
    /// Records a failed attempt: the lease is released and the message retried after <paramref name="retryAfter"/>,
    /// or dead-lettered once it has had <paramref name="maxAttempts"/> attempts.
    /// </summary>
    public async Task<OutboxFailureOutcome> MarkFailedAsync(
        Guid messageId,
        string owner,
        string error,
        TimeSpan retryAfter,
        int maxAttempts,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var next = now + retryAfter;
        var truncated = error.Length > 4000 ? error[..4000] : error;
        var deadLettered = await db.OutboxMessages
            .Where(m => m.Id == messageId && m.LeaseOwner == owner && m.DeliveredAt == null && m.DeadLetteredAt == null && m.Attempts >= maxAttempts)
            .ExecuteUpdateAsync(
                s => s.SetProperty(m => m.DeadLetteredAt, now)
                    .SetProperty(m => m.LastError, truncated)
                    .SetProperty(m => m.LeaseOwner, (string?)null)
                    .SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null)
                    .SetProperty(m => m.Version, m => m.Version + 1),
                cancellationToken);
        if (deadLettered == 1)
        {
            return OutboxFailureOutcome.DeadLettered;
        }

        var retried = await db.OutboxMessages
            .Where(m => m.Id == messageId && m.LeaseOwner == owner && m.DeliveredAt == null && m.DeadLetteredAt == null)
            .ExecuteUpdateAsync(
                s => s.SetProperty(m => m.NextAttemptAt, next)
                    .SetProperty(m => m.LastError, truncated)
                    .SetProperty(m => m.LeaseOwner, (string?)null)
                    .SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null)
                    .SetProperty(m => m.Version, m => m.Version + 1),
                cancellationToken);
        return retried == 1 ? OutboxFailureOutcome.Retrying : OutboxFailureOutcome.LeaseLost;
    }

    /// <summary>Dead-lettered messages, oldest first, for an operator to inspect.</summary>
    public async Task<IReadOnlyList<OutboxMessageRecord>> ListDeadLetteredAsync(int take, CancellationToken cancellationToken) =>
        await db.OutboxMessages.AsNoTracking()
            .Where(m => m.DeadLetteredAt != null)
            .OrderBy(m => m.DeadLetteredAt)
            .Take(take)
            .Select(ToRecord)
            .ToListAsync(cancellationToken);

    /// <summary>
    /// Puts a dead-lettered message back in line for delivery now, with a fresh count of attempts (an operator fixed the
    /// cause). False when it is not dead-lettered.
    /// </summary>
    public async Task<bool> RetryDeadLetterAsync(Guid messageId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var rows = await db.OutboxMessages
            .Where(m => m.Id == messageId && m.DeadLetteredAt != null && m.DeliveredAt == null)
            .ExecuteUpdateAsync(
                s => s.SetProperty(m => m.DeadLetteredAt, (DateTimeOffset?)null)
                    .SetProperty(m => m.Attempts, 0)
                    .SetProperty(m => m.NextAttemptAt, now)
                    .SetProperty(m => m.Version, m => m.Version + 1),
                cancellationToken);
        return rows == 1;
    }

    /// <summary>Undelivered messages waiting behind a dead-lettered one of the same ordering key.</summary>
    public Task<int> CountBlockedAsync(CancellationToken cancellationToken) =>
        db.OutboxMessages.AsNoTracking()
            .CountAsync(
                m => m.DeliveredAt == null && m.DeadLetteredAt == null && m.OrderingKey != null
                    && db.OutboxMessages.Any(o => o.OrderingKey == m.OrderingKey && o.DeadLetteredAt != null && o.DeliveredAt == null && o.Sequence < m.Sequence),
                cancellationToken);

    public static OutboxMessage NewMessage(NewOutboxMessage message, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        Kind = message.Kind,
        PayloadJson = message.PayloadJson,
        OrderingKey = message.OrderingKey,
        Sequence = message.Sequence,
        CreatedAt = now,
        NextAttemptAt = message.NotBefore ?? now,
        Version = 1,
    };
}
