using Dvc.Engine.Persistence;
using Dvc.Engine.Persistence.Dossiers;
using Dvc.Engine.Persistence.Tasks;
using Dvc.Engine.Persistence.Workflows;
using Dvc.Engine.Server.Accounts;
using Dvc.Engine.Server.Catalog;
using Dvc.Engine.Server.Dossiers;
using Dvc.Engine.Server.Localization;
using Dvc.Engine.Server.Workflows;
using Microsoft.EntityFrameworkCore;
using System.Text.Json.Nodes;

namespace Dvc.Engine.Server.Tasks;

/// <summary>
/// The officer inbox for pages and API: an officer sees the tasks of their agency whose role they hold, claims one,
/// and completes it with an outcome, which the workflow then acts on. A task's agency is the dossier's handling agency,
/// or another agency for a hand-over step ("liên thông"), whose officers see only what the step shows.
/// </summary>
internal sealed class TaskInbox(
    DvcDbContext db,
    TaskStore tasks,
    WorkflowStore workflows,
    Storage.FileStore files,
    DossierStore dossiers,
    DossierService dossierViews,
    ProcedureCatalog catalog,
    IDossierWorkflow workflow,
    PortalText text,
    Microsoft.Extensions.Options.IOptions<Hosting.DvcServerOptions> options,
    TimeProvider clock)
{
    public async Task<IReadOnlyList<TaskSummary>> ListAsync(Viewer viewer, TaskQuery query, CancellationToken ct)
    {
        if (!viewer.IsStaff)
        {
            return [];
        }

        var q = db.HumanTasks.AsNoTracking().AsQueryable();
        if (!viewer.IsSystemAdmin)
        {
            var agency = viewer.AgencyCode ?? "";
            q = q.Where(t => t.AgencyCode == agency);
        }

        q = query.Status switch
        {
            TaskStatuses.Open => q.Where(t => t.Status == HumanTaskStatus.Open),
            TaskStatuses.Claimed => q.Where(t => t.Status == HumanTaskStatus.Claimed),
            TaskStatuses.Completed => q.Where(t => t.Status == HumanTaskStatus.Done),
            _ => q.Where(t => t.Status != HumanTaskStatus.Done),
        };
        var now = clock.GetUtcNow();
        if (query.DueBefore is { } dueBefore)
        {
            var limit = TaskQuery.EndOf(dueBefore) ?? throw new ArgumentOutOfRangeException(nameof(query), "Callers check the due date with TaskQuery.EndOf first.");
            q = q.Where(t => t.DueAt != null && t.DueAt < limit);
        }

        if (query.OverdueOnly)
        {
            q = q.Where(t => t.DueAt != null && t.DueAt < now && t.Status != HumanTaskStatus.Done);
        }

        var joined = q
            .Join(db.Dossiers, t => t.DossierId, d => d.Id, (t, d) => new { Task = t, d.Code, d.ProcedureCode, d.ApplicantName, d.ApplicantCitizenId })
            .Where(r => query.ProcedureCode == null || r.ProcedureCode == query.ProcedureCode)
            .OrderBy(r => r.Task.DueAt == null)
            .ThenBy(r => r.Task.DueAt)
            .ThenBy(r => r.Task.CreatedAt);
        var search = SearchText.Fold(query.Search);
        // Names are compared without case and diacritics, which the database cannot do portably: an agency's tasks are
        // few enough to filter here, and only the page is kept.
        var rows = search.Length == 0
            ? await joined.Take(options.Value.TaskPageSize).ToListAsync(ct)
            : (await joined.ToListAsync(ct))
                .Where(r => SearchText.Matches(r.Code, search) || SearchText.Matches(r.ApplicantName, search) || r.ApplicantCitizenId == query.Search!.Trim())
                .Take(options.Value.TaskPageSize)
                .ToList();

        var visible = rows.Where(r => viewer.Holds(r.Task.Role)).ToList();
        var names = await NamesAsync(visible.Select(r => r.Task.ClaimedBy ?? r.Task.CompletedBy), ct);
        var result = new List<TaskSummary>();
        foreach (var r in visible)
        {
            result.Add(await SummaryAsync(ToRecord(r.Task), r.Code, r.ProcedureCode, names, ct));
        }

        return result;
    }

    public async Task<(TaskSummary Task, DossierView Dossier)?> FindAsync(Guid id, Viewer viewer, CancellationToken ct)
    {
        var task = await tasks.GetAsync(id, ct);
        if (task is null || !CanAct(task, viewer) || await dossiers.GetAsync(task.DossierId, ct) is not { } dossier)
        {
            return null;
        }

        await dossierViews.RecordReadAsync(dossier, viewer, ct);
        var names = await NamesAsync([task.ClaimedBy ?? task.CompletedBy], ct);
        var summary = await SummaryAsync(task, dossier.Code, dossier.ProcedureCode, names, ct);
        var view = viewer.WorksFor(dossier.AgencyCode)
            ? await dossierViews.ViewAsync(dossier, viewer, full: true, ct)
            : await dossierViews.HandOverViewAsync(dossier, await ShowsAsync(task, dossier, ct), ct);
        return (summary, view);
    }

    /// <summary>
    /// An uploaded file of the task's dossier, for an officer who may act on the task: any file for the handling
    /// agency's staff, only the attachments the step shows for another agency's.
    /// </summary>
    public async Task<ResultDocument?> GetAttachmentAsync(Guid id, Guid attachmentId, Viewer viewer, CancellationToken ct)
    {
        var task = await tasks.GetAsync(id, ct);
        if (task is null || !CanAct(task, viewer) || await dossiers.GetAsync(task.DossierId, ct) is not { } dossier)
        {
            return null;
        }

        var attachment = (await dossiers.ListAttachmentsAsync(dossier.Id, ct)).FirstOrDefault(a => a.Id == attachmentId);
        var allowed = attachment is not null
            && (viewer.WorksFor(dossier.AgencyCode) || (await ShowsAsync(task, dossier, ct)).Attachments.Contains(attachment.AttachmentId, StringComparer.Ordinal));
        if (!allowed || await files.ReadAsync(attachment!.StorageKey, ct) is not { } content)
        {
            return null;
        }

        await dossierViews.RecordDownloadAsync(dossier, viewer, attachment.AttachmentId, attachment.FileName, ct);
        return new ResultDocument(attachment.FileName, attachment.ContentType, content);
    }

    public async Task<CommandResult> ClaimAsync(Guid id, Viewer viewer, CancellationToken ct)
    {
        var task = await tasks.GetAsync(id, ct);
        if (task is null || !CanAct(task, viewer))
        {
            return CommandResult.Missing;
        }

        // The claim and its event in the dossier's log commit together.
        await using var scope = await db.BeginWriteTransactionAsync(ct);
        var result = await tasks.ClaimAsync(id, viewer.UserId!, null, ct);
        if (result.Outcome == TaskChangeOutcome.Succeeded)
        {
            await AppendTaskEventAsync(task, viewer, DossierEvents.TaskClaimed, ct);
            await scope.CommitAsync(ct);
        }

        return result.Outcome switch
        {
            TaskChangeOutcome.Succeeded => CommandResult.Done,
            TaskChangeOutcome.NotFound => CommandResult.Missing,
            _ => new CommandResult.Conflict(result.Task?.Status == HumanTaskStatus.Done ? text["task.done"] : text["task.claimedByOther"]),
        };
    }

    public async Task<CommandResult> UnclaimAsync(Guid id, Viewer viewer, CancellationToken ct)
    {
        var task = await tasks.GetAsync(id, ct);
        if (task is null || !CanAct(task, viewer))
        {
            return CommandResult.Missing;
        }

        await using var scope = await db.BeginWriteTransactionAsync(ct);
        var result = await tasks.UnclaimAsync(id, viewer.UserId!, ct);
        if (result.Outcome == TaskChangeOutcome.Succeeded)
        {
            await AppendTaskEventAsync(task, viewer, DossierEvents.TaskUnclaimed, ct);
            await scope.CommitAsync(ct);
        }

        return result.Outcome switch
        {
            TaskChangeOutcome.Succeeded => CommandResult.Done,
            TaskChangeOutcome.NotFound => CommandResult.Missing,
            // A finished task is not "claimed by another officer", even though it cannot be released either.
            _ => new CommandResult.Conflict((result.Task ?? task).Status == HumanTaskStatus.Done ? text["task.done"] : text["task.claimedByOther"]),
        };
    }

    /// <summary>
    /// Completes the task with <paramref name="outcome"/>; an open task is claimed first (one click in the inbox).
    /// Reject and RequestSupplement need a comment: the reason, or the message the citizen reads.
    /// </summary>
    public async Task<CommandResult> CompleteAsync(Guid id, Viewer viewer, string outcome, string? comment, SupplementScope? scope, CancellationToken ct)
    {
        scope ??= SupplementScope.Everything;
        var task = await tasks.GetAsync(id, ct);
        if (task is null || !CanAct(task, viewer))
        {
            return CommandResult.Missing;
        }

        if (task.Status == HumanTaskStatus.Done)
        {
            return new CommandResult.Conflict(text["task.done"]);
        }

        var outcomes = await workflow.OutcomesAsync(task, ct);
        if (outcomes.FirstOrDefault(o => o.Name == outcome) is not { } chosen)
        {
            return new CommandResult.Invalid(new Dictionary<string, string[]> { ["/outcome"] = [text["task.badOutcome"]] });
        }

        if (TaskOutcomes.NeedsComment(outcome) && string.IsNullOrWhiteSpace(comment))
        {
            return new CommandResult.Invalid(new Dictionary<string, string[]> { ["/comment"] = [text["task.commentRequired"]] });
        }

        if (await dossiers.GetAsync(task.DossierId, ct) is { } filed && ScopeErrors(filed, scope) is { Count: > 0 } scopeErrors)
        {
            return new CommandResult.Invalid(scopeErrors);
        }

        // Claim, completion, its event and the workflow's resume commit together: a process that dies half-way leaves
        // the task as it was, so the officer simply completes it again.
        await using var transaction = await db.BeginWriteTransactionAsync(ct);
        await db.LockDossierAsync(task.DossierId, ct);
        if (task.Status == HumanTaskStatus.Open)
        {
            var claimed = await tasks.ClaimAsync(id, viewer.UserId!, null, ct);
            if (claimed.Outcome != TaskChangeOutcome.Succeeded)
            {
                return new CommandResult.Conflict(text["task.claimedByOther"]);
            }
        }

        var completed = await tasks.CompleteAsync(id, viewer.UserId!, outcome, ct);
        if (completed.Outcome != TaskChangeOutcome.Succeeded || completed.Task is null)
        {
            return new CommandResult.Conflict(text["task.claimedByOther"]);
        }

        var dossier = await dossiers.GetAsync(task.DossierId, ct);
        if (dossier is null || catalog.Compiled(dossier.ProcedureVersionId, dossier.ProcedureCode) is not { } procedure)
        {
            return CommandResult.Missing;
        }

        var data = new JsonObject
        {
            ["taskId"] = task.Id.ToString(),
            ["title"] = task.Title,
            ["outcome"] = outcome,
            ["outcomeLabel"] = chosen.Label.ToJson(),
            ["role"] = task.Role,
        };
        if (!scope.IsEmpty)
        {
            data["supplement"] = scope.ToJson();
        }

        var handedBack = !string.Equals(task.AgencyCode, dossier.AgencyCode, StringComparison.OrdinalIgnoreCase);
        if (handedBack)
        {
            data["from"] = task.AgencyCode;
            data["to"] = dossier.AgencyCode;
        }

        await dossiers.AppendEventAsync(dossier.Id, new NewDossierEvent(viewer.UserId!, handedBack ? DossierEvents.HandedBack : DossierEvents.TaskCompleted, data.ToJsonString(), comment?.Trim()), ct);
        var step = await workflow.TaskCompletedAsync(procedure, dossier, completed.Task, outcome, comment?.Trim(), scope, viewer, ct);
        if (!step.Accepted)
        {
            return new CommandResult.Conflict(step.Message ?? text["task.done"]);
        }

        await transaction.CommitAsync(ct);
        return CommandResult.Done;
    }

    private Task<DossierEventRecord> AppendTaskEventAsync(HumanTaskRecord task, Viewer viewer, string kind, CancellationToken ct) =>
        dossiers.AppendEventAsync(
            task.DossierId,
            new NewDossierEvent(viewer.UserId!, kind, new JsonObject { ["taskId"] = task.Id.ToString(), ["title"] = task.Title, ["role"] = task.Role }.ToJsonString()),
            ct);

    /// <summary>A supplement request may only name fields of the dossier's form (a repeating group as a whole) and its attachments.</summary>
    private Dictionary<string, string[]> ScopeErrors(DossierRecord dossier, SupplementScope scope)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (scope.IsEmpty || catalog.Compiled(dossier.ProcedureVersionId, dossier.ProcedureCode) is not { } procedure)
        {
            return errors;
        }

        var version = procedure.Version;
        var nameable = catalog.Find(dossier.ProcedureCode, version)?.Form is { } form ? Forms.FormLayoutIndex.Nameable(form).ToHashSet(StringComparer.Ordinal) : [];
        for (var i = 0; i < scope.Fields.Count; i++)
        {
            if (!nameable.Contains(scope.Fields[i]))
            {
                errors[$"/supplement/fields/{i}"] = [text.Format("task.unknownField", scope.Fields[i])];
            }
        }

        for (var i = 0; i < scope.Attachments.Count; i++)
        {
            if (procedure.Manifest.FindAttachment(scope.Attachments[i]) is null)
            {
                errors[$"/supplement/attachments/{i}"] = [text.Format("form.fileUnknown", scope.Attachments[i])];
            }
        }

        return errors;
    }

    /// <summary>What the task's step shows another agency, as the version the dossier runs on declares it.</summary>
    private async Task<Core.Agencies.TaskDisclosure> ShowsAsync(HumanTaskRecord task, DossierRecord dossier, CancellationToken ct) =>
        await workflows.GetBookmarkAsync(task.BookmarkId, ct) is { } bookmark && catalog.Compiled(dossier.ProcedureVersionId, dossier.ProcedureCode) is { } procedure
            ? procedure.Routing.Shows(bookmark.ActivityId)
            : Core.Agencies.TaskDisclosure.Nothing;

    private static bool CanAct(HumanTaskRecord task, Viewer viewer) => viewer.IsStaff && viewer.WorksFor(task.AgencyCode) && viewer.Holds(task.Role);

    private async Task<TaskSummary> SummaryAsync(HumanTaskRecord t, string dossierCode, string procedureCode, IReadOnlyDictionary<string, string> names, CancellationToken ct)
    {
        var status = t.Status switch
        {
            HumanTaskStatus.Open => TaskStatuses.Open,
            HumanTaskStatus.Claimed => TaskStatuses.Claimed,
            _ => TaskStatuses.Completed,
        };
        var assignee = t.ClaimedBy ?? t.CompletedBy;
        return new TaskSummary(
            t.Id,
            t.BookmarkId.ToString(),
            LocalizedTitle(t.Title),
            dossierCode,
            procedureCode,
            catalog.Find(procedureCode)?.Summary.Name ?? new(procedureCode, null),
            t.AgencyCode,
            t.Role,
            status,
            assignee,
            assignee is not null && names.TryGetValue(assignee, out var name) ? name : null,
            t.CreatedAt,
            t.DueAt,
            t.DueAt is { } due && due < clock.GetUtcNow() && t.Status != HumanTaskStatus.Done,
            await workflow.OutcomesAsync(t, ct));
    }

    /// <summary>Task titles may be stored as <c>{"vi","en"}</c> JSON (from the workflow) or plain text.</summary>
    internal static string LocalizedTitle(string title)
    {
        if (title.StartsWith('{') && JsonNode.Parse(title) is JsonObject o)
        {
            return Forms.LocalizedString.From(o).Current;
        }

        return title;
    }

    private async Task<IReadOnlyDictionary<string, string>> NamesAsync(IEnumerable<string?> ids, CancellationToken ct)
    {
        var list = ids.OfType<string>().Distinct().ToList();
        return list.Count == 0
            ? new Dictionary<string, string>()
            : await db.Users.AsNoTracking().Where(u => list.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, ct);
    }

    private static HumanTaskRecord ToRecord(HumanTask t) => new(
        t.Id, t.DossierId, t.InstanceId, t.BookmarkId, t.AgencyCode, t.Role, t.Title, t.Status, t.ClaimedBy, t.ClaimedAt,
        t.Outcome, t.CompletedBy, t.CompletedAt, t.CreatedAt, t.DueAt, t.Version);
}
