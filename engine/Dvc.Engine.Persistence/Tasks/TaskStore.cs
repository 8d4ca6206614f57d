using System.Linq.Expressions;
using Dvc.Engine.Persistence.Workflows;
using Microsoft.EntityFrameworkCore;

namespace Dvc.Engine.Persistence.Tasks;

/// <summary>
/// Officer inboxes. Every change is one conditional UPDATE on the task's state, so two officers clicking "claim" at
/// once cannot both get the task.
/// </summary>
public sealed class TaskStore(DvcDbContext db, TimeProvider time)
{
    private static readonly Expression<Func<HumanTask, HumanTaskRecord>> ToRecord = t => new HumanTaskRecord(
        t.Id, t.DossierId, t.InstanceId, t.BookmarkId, t.AgencyCode, t.Role, t.Title, t.Status, t.ClaimedBy, t.ClaimedAt,
        t.Outcome, t.CompletedBy, t.CompletedAt, t.CreatedAt, t.DueAt, t.Version);

    /// <summary>Opens a task on an existing bookmark (normally done by <see cref="WorkflowStore"/> with the bookmark).</summary>
    public async Task<HumanTaskRecord> CreateAsync(Guid dossierId, Guid instanceId, Guid bookmarkId, HumanTaskSpec spec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var task = NewTask(dossierId, instanceId, bookmarkId, spec, time.GetUtcNow());
        db.HumanTasks.Add(task);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return (await GetAsync(task.Id, cancellationToken))!;
    }

    public Task<HumanTaskRecord?> GetAsync(Guid taskId, CancellationToken cancellationToken) =>
        db.HumanTasks.AsNoTracking().Where(t => t.Id == taskId).Select(ToRecord).SingleOrDefaultAsync(cancellationToken);

    /// <summary>
    /// The agency's tasks that are not done and that one of <paramref name="roles"/> may act on, open and claimed
    /// alike (the inbox shows who holds what), earliest deadline first.
    /// </summary>
    public async Task<IReadOnlyList<HumanTaskRecord>> ListOpenAsync(string agencyCode, IReadOnlyCollection<string> roles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var roleList = roles.ToList();
        return await db.HumanTasks.AsNoTracking()
            .Where(t => t.AgencyCode == agencyCode && t.Status != HumanTaskStatus.Done && roleList.Contains(t.Role))
            .OrderBy(t => t.DueAt == null)
            .ThenBy(t => t.DueAt)
            .ThenBy(t => t.CreatedAt)
            .Select(ToRecord)
            .ToListAsync(cancellationToken);
    }

    /// <summary>A user's claimed tasks ("my work").</summary>
    public async Task<IReadOnlyList<HumanTaskRecord>> ListClaimedByAsync(string userId, CancellationToken cancellationToken) =>
        await db.HumanTasks.AsNoTracking()
            .Where(t => t.Status == HumanTaskStatus.Claimed && t.ClaimedBy == userId)
            .OrderBy(t => t.DueAt == null).ThenBy(t => t.DueAt)
            .Select(ToRecord)
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<HumanTaskRecord>> ListForDossierAsync(Guid dossierId, CancellationToken cancellationToken) =>
        await db.HumanTasks.AsNoTracking()
            .Where(t => t.DossierId == dossierId)
            .OrderBy(t => t.CreatedAt)
            .Select(ToRecord)
            .ToListAsync(cancellationToken);

    /// <summary>
    /// Claims an open task for <paramref name="userId"/>. With <paramref name="expectedVersion"/> the claim also fails
    /// if the task changed since the officer saw it. Claiming a task one already holds succeeds (a repeated click).
    /// </summary>
    public async Task<TaskChangeResult> ClaimAsync(Guid taskId, string userId, long? expectedVersion, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var rows = await db.HumanTasks
            .Where(t => t.Id == taskId && t.Status == HumanTaskStatus.Open && (expectedVersion == null || t.Version == expectedVersion))
            .ExecuteUpdateAsync(
                s => s.SetProperty(t => t.Status, HumanTaskStatus.Claimed)
                    .SetProperty(t => t.ClaimedBy, userId)
                    .SetProperty(t => t.ClaimedAt, now)
                    .SetProperty(t => t.Version, t => t.Version + 1),
                cancellationToken);
        var current = await GetAsync(taskId, cancellationToken);
        if (current is null)
        {
            return new TaskChangeResult(TaskChangeOutcome.NotFound, null);
        }

        var mine = current.Status == HumanTaskStatus.Claimed && current.ClaimedBy == userId;
        return new TaskChangeResult(rows == 1 || (mine && expectedVersion is null) ? TaskChangeOutcome.Succeeded : TaskChangeOutcome.Conflict, current);
    }

    /// <summary>Gives a claimed task back to the inbox; only its holder can.</summary>
    public async Task<TaskChangeResult> UnclaimAsync(Guid taskId, string userId, CancellationToken cancellationToken)
    {
        var rows = await db.HumanTasks
            .Where(t => t.Id == taskId && t.Status == HumanTaskStatus.Claimed && t.ClaimedBy == userId)
            .ExecuteUpdateAsync(
                s => s.SetProperty(t => t.Status, HumanTaskStatus.Open)
                    .SetProperty(t => t.ClaimedBy, (string?)null)
                    .SetProperty(t => t.ClaimedAt, (DateTimeOffset?)null)
                    .SetProperty(t => t.Version, t => t.Version + 1),
                cancellationToken);
        return await ResultAsync(taskId, rows, cancellationToken);
    }

    /// <summary>
    /// Completes a task its holder claimed, with the chosen outcome. The caller then consumes the task's bookmark
    /// (<see cref="WorkflowStore.TryConsumeBookmarkAsync"/>) and resumes the workflow.
    /// </summary>
    public async Task<TaskChangeResult> CompleteAsync(Guid taskId, string userId, string outcome, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var rows = await db.HumanTasks
            .Where(t => t.Id == taskId && t.Status == HumanTaskStatus.Claimed && t.ClaimedBy == userId)
            .ExecuteUpdateAsync(
                s => s.SetProperty(t => t.Status, HumanTaskStatus.Done)
                    .SetProperty(t => t.Outcome, outcome)
                    .SetProperty(t => t.CompletedBy, userId)
                    .SetProperty(t => t.CompletedAt, now)
                    .SetProperty(t => t.Version, t => t.Version + 1),
                cancellationToken);
        return await ResultAsync(taskId, rows, cancellationToken);
    }

    internal static HumanTask NewTask(Guid dossierId, Guid instanceId, Guid bookmarkId, HumanTaskSpec spec, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        DossierId = dossierId,
        InstanceId = instanceId,
        BookmarkId = bookmarkId,
        AgencyCode = spec.AgencyCode,
        Role = spec.Role,
        Title = spec.Title,
        Status = HumanTaskStatus.Open,
        CreatedAt = now,
        DueAt = spec.DueAt,
        Version = 1,
    };

    private async Task<TaskChangeResult> ResultAsync(Guid taskId, int rows, CancellationToken cancellationToken)
    {
        var current = await GetAsync(taskId, cancellationToken);
        if (current is null)
        {
            return new TaskChangeResult(TaskChangeOutcome.NotFound, null);
        }

        return new TaskChangeResult(rows == 1 ? TaskChangeOutcome.Succeeded : TaskChangeOutcome.Conflict, current);
    }
}
