using Microsoft.EntityFrameworkCore;

namespace Dvc.Engine.Persistence.Idempotency;

/// <summary>
/// Idempotency keys in the database. <see cref="TryRememberAsync"/> runs inside the caller's write transaction (the
/// one that creates the dossier or resumes its payment), and (account, key) is unique, so of two attempts with the
/// same key, on one node or several, exactly one commits.
/// </summary>
public sealed class IdempotencyStore(DvcDbContext db, TimeProvider time)
{
    public const int MaxKeyLength = 200;

    public Task<IdempotencyEntry?> FindAsync(string userId, string key, CancellationToken cancellationToken) =>
        db.IdempotencyRecords.AsNoTracking()
            .Where(r => r.UserId == userId && r.Key == key)
            .Select(r => new IdempotencyEntry(r.Operation, r.RequestHash, r.DossierId, r.CreatedAt))
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>
    /// Records the key in the current transaction. False when the key is already recorded (another attempt got
    /// there first): the caller rolls back its own work and answers from <see cref="FindAsync"/>.
    /// </summary>
    public async Task<bool> TryRememberAsync(string userId, string key, string operation, string requestHash, Guid dossierId, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("An idempotency key is recorded in the transaction of the change it guards.");
        }

        if (await db.IdempotencyRecords.AnyAsync(r => r.UserId == userId && r.Key == key, cancellationToken))
        {
            return false;
        }

        var now = time.GetUtcNow();
        db.IdempotencyRecords.Add(new IdempotencyRecord
        {
            Id = Guid.CreateVersion7(now),
            UserId = userId,
            Key = key,
            Operation = operation,
            RequestHash = requestHash,
            DossierId = dossierId,
            CreatedAt = now,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // The unique index: a writer on another connection committed the same key between the check and here.
            return false;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}

/// <summary>What a key was used for (see <see cref="IdempotencyRecord"/>).</summary>
public sealed record IdempotencyEntry(string Operation, string RequestHash, Guid DossierId, DateTimeOffset CreatedAt);
