using System.Linq.Expressions;
using Dvc.Engine.Persistence.Outbox;
using Dvc.Engine.Persistence.Tasks;
using Dvc.Engine.Persistence.Timers;
using Microsoft.EntityFrameworkCore;

namespace Dvc.Engine.Persistence.Workflows;

/// <summary>Workflow state with optimistic concurrency, and bookmarks that resume a workflow exactly once.</summary>
public sealed class WorkflowStore(DvcDbContext db, TimeProvider time)
{
    private static readonly Expression<Func<Bookmark, BookmarkRecord>> ToBookmarkRecord = b => new BookmarkRecord(
        b.Id, b.InstanceId, b.ActivityId, b.Name, b.Hash, b.PayloadJson, b.DueAt, b.CreatedAt, b.ConsumedAt, b.ConsumedBy);

    private static readonly Expression<Func<WorkflowInstance, WorkflowInstanceRecord>> ToInstanceRecord = i => new WorkflowInstanceRecord(
        i.Id, i.DossierId, i.StateJson, i.Status, i.CreatedAt, i.UpdatedAt, i.Version);

    /// <summary>Starts an instance at version 1 with its first bookmarks (and their tasks, timers and messages).</summary>
    public async Task<WorkflowSaveResult> CreateAsync(
        Guid dossierId,
        string stateJson,
        string status,
        IReadOnlyList<NewBookmark> bookmarks,
        IReadOnlyList<NewOutboxMessage>? outboxMessages,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bookmarks);
        var now = time.GetUtcNow();
        var instance = new WorkflowInstance
        {
            Id = Guid.CreateVersion7(now),
            DossierId = dossierId,
            StateJson = stateJson,
            Status = status,
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        };

        await using var transaction = await db.BeginWriteTransactionAsync(cancellationToken);
        db.WorkflowInstances.Add(instance);
        var created = AddBookmarks(instance, bookmarks, now);
        AddOutbox(outboxMessages ?? [], now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return new WorkflowSaveResult(WorkflowSaveOutcome.Saved, instance.Id, instance.Version, created);
    }

    /// <summary>
    /// Saves the interpreter's state if nobody saved since <see cref="WorkflowStateUpdate.ExpectedVersion"/>, with
    /// the new bookmarks, tasks, timers and outbox messages in the same transaction; otherwise nothing is written.
    /// </summary>
    public async Task<WorkflowSaveResult> SaveStateAsync(WorkflowStateUpdate update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        var now = time.GetUtcNow();
        await using var transaction = await db.BeginWriteTransactionAsync(cancellationToken);

        var rows = await db.WorkflowInstances
            .Where(i => i.Id == update.InstanceId && i.Version == update.ExpectedVersion)
            .ExecuteUpdateAsync(
                s => s.SetProperty(i => i.StateJson, update.StateJson)
                    .SetProperty(i => i.Status, update.Status)
                    .SetProperty(i => i.UpdatedAt, now)
                    .SetProperty(i => i.Version, i => i.Version + 1),
                cancellationToken);
        if (rows == 0)
        {
            var exists = await db.WorkflowInstances.AnyAsync(i => i.Id == update.InstanceId, cancellationToken);
            return new WorkflowSaveResult(exists ? WorkflowSaveOutcome.Conflict : WorkflowSaveOutcome.NotFound, update.InstanceId, 0, []);
        }

        var instance = await db.WorkflowInstances.AsNoTracking()
            .Where(i => i.Id == update.InstanceId)
            .Select(i => new WorkflowInstance { Id = i.Id, DossierId = i.DossierId, Version = i.Version })
            .SingleAsync(cancellationToken);
        var created = AddBookmarks(instance, update.NewBookmarks, now);
        AddOutbox(update.OutboxMessages, now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return new WorkflowSaveResult(WorkflowSaveOutcome.Saved, update.InstanceId, instance.Version, created);
    }

    public Task<WorkflowInstanceRecord?> GetAsync(Guid instanceId, CancellationToken cancellationToken) =>
        db.WorkflowInstances.AsNoTracking().Where(i => i.Id == instanceId).Select(ToInstanceRecord).SingleOrDefaultAsync(cancellationToken);

    /// <summary>The dossier's instances, oldest first (normally one).</summary>
    public async Task<IReadOnlyList<WorkflowInstanceRecord>> ListForDossierAsync(Guid dossierId, CancellationToken cancellationToken) =>
        await db.WorkflowInstances.AsNoTracking()
            .Where(i => i.DossierId == dossierId)
            .OrderBy(i => i.CreatedAt)
            .Select(ToInstanceRecord)
            .ToListAsync(cancellationToken);

    public Task<BookmarkRecord?> GetBookmarkAsync(Guid bookmarkId, CancellationToken cancellationToken) =>
        db.Bookmarks.AsNoTracking().Where(b => b.Id == bookmarkId).Select(ToBookmarkRecord).SingleOrDefaultAsync(cancellationToken);

    /// <summary>Unconsumed bookmarks matching a stimulus (e.g. name "Dvc.RequestPayment", hash of the payment reference).</summary>
    public async Task<IReadOnlyList<BookmarkRecord>> FindOpenBookmarksAsync(string name, string hash, CancellationToken cancellationToken) =>
        await db.Bookmarks.AsNoTracking()
            .Where(b => b.Name == name && b.Hash == hash && b.ConsumedAt == null)
            .OrderBy(b => b.CreatedAt)
            .Select(ToBookmarkRecord)
            .ToListAsync(cancellationToken);

    /// <summary>An instance's unconsumed bookmarks, oldest first.</summary>
    public async Task<IReadOnlyList<BookmarkRecord>> ListOpenBookmarksAsync(Guid instanceId, CancellationToken cancellationToken) =>
        await db.Bookmarks.AsNoTracking()
            .Where(b => b.InstanceId == instanceId && b.ConsumedAt == null)
            .OrderBy(b => b.CreatedAt)
            .Select(ToBookmarkRecord)
            .ToListAsync(cancellationToken);

    /// <summary>
    /// Marks a bookmark consumed by <paramref name="consumer"/> with one conditional UPDATE, so of two callers
    /// racing (a double-clicked approval, a payment callback retried on another node) exactly one gets
    /// <see cref="BookmarkConsumeOutcome.Consumed"/>; the other learns who won.
    /// </summary>
    public async Task<BookmarkConsumeResult> TryConsumeBookmarkAsync(Guid bookmarkId, string consumer, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var rows = await db.Bookmarks
            .Where(b => b.Id == bookmarkId && b.ConsumedAt == null)
            .ExecuteUpdateAsync(
                s => s.SetProperty(b => b.ConsumedAt, now)
                    .SetProperty(b => b.ConsumedBy, consumer)
                    .SetProperty(b => b.Version, b => b.Version + 1),
                cancellationToken);
        if (rows == 1)
        {
            return new BookmarkConsumeResult(BookmarkConsumeOutcome.Consumed, consumer, now);
        }

        var current = await db.Bookmarks.AsNoTracking()
            .Where(b => b.Id == bookmarkId)
            .Select(b => new { b.ConsumedBy, b.ConsumedAt })
            .SingleOrDefaultAsync(cancellationToken);
        return current is null
            ? new BookmarkConsumeResult(BookmarkConsumeOutcome.NotFound, null, null)
            : new BookmarkConsumeResult(BookmarkConsumeOutcome.AlreadyConsumed, current.ConsumedBy, current.ConsumedAt);
    }

    private List<BookmarkRecord> AddBookmarks(WorkflowInstance instance, IReadOnlyList<NewBookmark> bookmarks, DateTimeOffset now)
    {
        var created = new List<BookmarkRecord>(bookmarks.Count);
        foreach (var spec in bookmarks)
        {
            var bookmark = new Bookmark
            {
                Id = Guid.CreateVersion7(now),
                InstanceId = instance.Id,
                ActivityId = spec.ActivityId,
                Name = spec.Name,
                Hash = spec.Hash,
                PayloadJson = spec.PayloadJson,
                DueAt = spec.DueAt,
                CreatedAt = now,
                Version = 1,
            };
            db.Bookmarks.Add(bookmark);
            if (spec.DueAt is { } dueAt)
            {
                db.Timers.Add(TimerStore.NewTimer(instance.Id, bookmark.Id, dueAt, now));
            }

            if (spec.Task is { } task)
            {
                db.HumanTasks.Add(TaskStore.NewTask(instance.DossierId, instance.Id, bookmark.Id, task, now));
            }

            created.Add(new BookmarkRecord(bookmark.Id, bookmark.InstanceId, bookmark.ActivityId, bookmark.Name, bookmark.Hash, bookmark.PayloadJson, bookmark.DueAt, bookmark.CreatedAt, null, null));
        }

        return created;
    }

    private void AddOutbox(IReadOnlyList<NewOutboxMessage> messages, DateTimeOffset now)
    {
        foreach (var message in messages)
        {
            db.OutboxMessages.Add(OutboxStore.NewMessage(message, now));
        }
    }
}
