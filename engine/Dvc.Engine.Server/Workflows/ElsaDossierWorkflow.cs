using System.Text.Json;
using System.Text.Json.Nodes;
using Dvc.Engine.Core.Calendar;
using Dvc.Engine.Core.Definitions;
using Dvc.Engine.Core.Workflows;
using Dvc.Engine.Core.Workflows.Runtime;
using Dvc.Engine.Persistence;
using Dvc.Engine.Persistence.Dossiers;
using Dvc.Engine.Persistence.Tasks;
using Dvc.Engine.Persistence.Workflows;
using Dvc.Engine.Sdk;
using Dvc.Engine.Server.Accounts;
using Dvc.Engine.Server.Dossiers;
using Dvc.Engine.Server.Storage;

namespace Dvc.Engine.Server.Workflows;

/// <summary>
/// Runs the procedure's own Elsa 3 workflow for a dossier. Each start or resume runs in memory, then the new state,
/// its new bookmarks (human tasks, timers) and outbox messages are saved in one transaction, and the dossier's status
/// is derived from what the workflow waits for (an officer, the citizen's supplement, a payment) or what it issued.
/// A procedure is only served when its workflow compiled, so every dossier has one.
/// </summary>
internal sealed partial class ElsaDossierWorkflow(
    Catalog.ProcedureCatalog catalog,
    DvcDbContext db,
    WorkflowStore workflows,
    DossierStore dossiers,
    DossierResults results,
    FileStore files,
    WorkingCalendar calendar,
    IServiceProvider services,
    TimeProvider clock,
    ILogger<ElsaDossierWorkflow> logger) : IDossierWorkflow
{
    private const string HumanTask = "Dvc.HumanTask";
    private const string Supplement = "Dvc.WaitForSupplement";
    private const string Payment = "Dvc.RequestPayment";

    public async Task StartAsync(CompiledProcedure procedure, DossierRecord dossier, CancellationToken ct)
    {
        var workflow = procedure.Workflow ?? throw new InvalidOperationException($"Procedure '{procedure.Code}' was served without a compiled workflow.");

        // Creating the instance and moving the dossier on commit together: a crash in between would leave a dossier
        // whose status no longer matches what its workflow waits for.
        await using var scope = await db.BeginWriteTransactionAsync(ct);
        var collector = Collector(procedure, dossier, new JsonObject());
        var run = await Interpreter(collector).StartAsync(workflow, Info(dossier, procedure), Guid.NewGuid().ToString("N"), ct);
        var state = run.State;
        var bookmarks = NewBookmarks(procedure, state, [], dossier);
        var saved = await workflows.CreateAsync(dossier.Id, state.ToJson(), state.Status.ToString(), bookmarks, collector.Outbox, ct);
        if (saved.Outcome != WorkflowSaveOutcome.Saved)
        {
            return;
        }

        await HandOverAsync(dossier, bookmarks, ct);

        await ApplyAsync(procedure, dossier, state, 0, collector, "system", null, ct);
        await scope.CommitAsync(ct);
    }

    public async Task<IReadOnlyList<string>> OutcomesAsync(HumanTaskRecord task, CancellationToken ct)
    {
        var bookmark = await workflows.GetBookmarkAsync(task.BookmarkId, ct);
        var outcomes = bookmark?.PayloadJson is { } json ? JsonNode.Parse(json)?["outcomes"] as JsonArray : null;
        return outcomes is null ? [] : [.. outcomes.Select(o => o?.GetValue<string>()).OfType<string>()];
    }

    public async Task<WorkflowStep> TaskCompletedAsync(
        CompiledProcedure procedure, DossierRecord dossier, HumanTaskRecord task, string outcome, string? comment, Viewer officer, CancellationToken ct)
    {
        var instance = await workflows.GetAsync(task.InstanceId, ct);
        if (instance is null)
        {
            return new WorkflowStep(false);
        }

        var decision = new JsonObject { ["outcome"] = outcome, ["comment"] = comment, ["officer"] = officer.Name };
        return await ResumeAsync(procedure, dossier, instance, task.BookmarkId, decision, officer.UserId!, comment, ct);
    }

    public async Task<WorkflowStep> SupplementedAsync(CompiledProcedure procedure, DossierRecord dossier, Viewer citizen, CancellationToken ct) =>
        await ResumeWaitingAsync(procedure, dossier, Supplement, new JsonObject { ["outcome"] = "Supplemented", ["data"] = JsonNode.Parse(dossier.DataJson) }, citizen, ct)
        ?? new WorkflowStep(false);

    /// <summary>Resumes a waiting payment (from the payment gateway's callback or the local simulator).</summary>
    public async Task<WorkflowStep> PaidAsync(CompiledProcedure procedure, DossierRecord dossier, string transactionId, Viewer payer, CancellationToken ct) =>
        await ResumeWaitingAsync(procedure, dossier, Payment, new JsonObject { ["status"] = "Paid", ["transactionId"] = transactionId }, payer, ct)
        ?? new WorkflowStep(false);

    private Task<WorkflowStep?> ResumeWaitingAsync(CompiledProcedure procedure, DossierRecord dossier, string bookmarkName, JsonObject payload, Viewer actor, CancellationToken ct) =>
        SignalAsync(procedure, dossier, bookmarkName, null, payload, actor.UserId!, ct);

    public async Task<WorkflowStep?> SignalAsync(CompiledProcedure procedure, DossierRecord dossier, string bookmarkName, string? activityId, JsonObject payload, string actor, CancellationToken ct)
    {
        foreach (var instance in await workflows.ListForDossierAsync(dossier.Id, ct))
        {
            var waiting = (await workflows.ListOpenBookmarksAsync(instance.Id, ct))
                .FirstOrDefault(b => b.Name == bookmarkName && (activityId is null || b.ActivityId == activityId));
            if (waiting is not null)
            {
                return await ResumeAsync(procedure, dossier, instance, waiting.Id, payload, actor, null, ct);
            }
        }

        return null;
    }

    /// <summary>A timer bookmark fell due (supplement deadline, Elsa.Delay/Timer): resume it with no payload.</summary>
    public async Task<WorkflowStep> TimerFiredAsync(Guid instanceId, Guid bookmarkId, CancellationToken ct)
    {
        var instance = await workflows.GetAsync(instanceId, ct);
        if (instance is null || await dossiers.GetAsync(instance.DossierId, ct) is not { } dossier
            || CompiledFor(dossier) is not { } procedure)
        {
            return new WorkflowStep(false);
        }

        return await ResumeAsync(procedure, dossier, instance, bookmarkId, null, "system", null, ct);
    }

    private async Task<WorkflowStep> ResumeAsync(
        CompiledProcedure procedure, DossierRecord dossier, WorkflowInstanceRecord instance, Guid bookmarkId, JsonObject? payload, string actor, string? reason, CancellationToken ct)
    {
        // Consuming the bookmark, saving the new state with its bookmarks, tasks and outbox messages, and moving the
        // dossier on are one transaction: a resume happens entirely or not at all, so a crash cannot strand a dossier.
        await using var scope = await db.BeginWriteTransactionAsync(ct);
        var bookmark = await workflows.GetBookmarkAsync(bookmarkId, ct);
        if (bookmark is null || procedure.Workflow is not CompiledWorkflow workflow)
        {
            return new WorkflowStep(false);
        }

        var before = WorkflowState.FromJson(instance.StateJson);
        var collector = Collector(procedure, dossier, payload ?? []);
        var run = await Interpreter(collector).ResumeAsync(workflow, before, bookmark.Hash, payload, ct);
        if (!run.Accepted)
        {
            return new WorkflowStep(false, run.Refusal);
        }

        var consumed = await workflows.TryConsumeBookmarkAsync(bookmarkId, actor, ct);
        if (consumed.Outcome != BookmarkConsumeOutcome.Consumed)
        {
            return new WorkflowStep(false);
        }

        var state = run.State;
        var known = before.Bookmarks.Select(b => b.Id).ToHashSet(StringComparer.Ordinal);
        var update = new WorkflowStateUpdate(instance.Id, instance.Version, state.ToJson(), state.Status.ToString())
        {
            NewBookmarks = NewBookmarks(procedure, state, known, dossier),
            OutboxMessages = collector.Outbox,
        };
        var saved = await workflows.SaveStateAsync(update, ct);
        if (saved.Outcome != WorkflowSaveOutcome.Saved)
        {
            return new WorkflowStep(false);
        }

        await HandOverAsync(dossier, update.NewBookmarks, ct);

        var current = await dossiers.GetAsync(dossier.Id, ct) ?? dossier;
        await ApplyAsync(procedure, current, state, before.Log.Count, collector, actor, reason, ct);
        await scope.CommitAsync(ct);
        return new WorkflowStep(true);
    }

    /// <summary>Moves the dossier to the status the workflow now implies, issuing results and stopping the clock.</summary>
    private async Task ApplyAsync(
        CompiledProcedure procedure, DossierRecord dossier, WorkflowState state, int knownLogLines, ServerDossierServices collector, string actor, string? reason, CancellationToken ct)
    {
        var now = clock.GetUtcNow();

        // Elsa.WriteLine and the activities' own lines go to the dossier log, which officers see in the history.
        foreach (var line in state.Log.Skip(knownLogLines))
        {
            await dossiers.AppendEventAsync(dossier.Id, new NewDossierEvent("system", DossierEvents.Log, new JsonObject { ["message"] = line.Message, ["activityId"] = line.ActivityId }.ToJsonString()), ct);
        }

        // Plugins' documents (a PDF result, a receipt, an e-receipt) are stored and listed; the one that decides the
        // dossier becomes its result file instead of the plain text.
        IssuedDocument? issued = null;
        foreach (var document in collector.Documents)
        {
            var key = await files.SaveBlobAsync(document.Content, ct);
            await dossiers.AddDocumentAsync(dossier.Id, new NewIssuedDocument(
                document.Kind, document.Title.Vi, document.Title.En, document.FileName, document.ContentType, document.Content.LongLength,
                FileStore.Sha256(document.Content), key, document.VerificationCode), ct);
            if (document.Decision is not null)
            {
                issued = new IssuedDocument(key, document.Text);
            }
        }

        var result = collector.Results.LastOrDefault();
        if (result is not null && !string.IsNullOrEmpty(result.Text))
        {
            if (issued is null)
            {
                var key = await files.SaveBlobAsync(System.Text.Encoding.UTF8.GetBytes(result.Text), ct);
                issued = new IssuedDocument(key, result.Text);
            }

            await dossiers.AppendEventAsync(dossier.Id, new NewDossierEvent(actor, DossierEvents.ResultIssued, new JsonObject { ["decision"] = result.Decision, ["template"] = result.Template }.ToJsonString()), ct);
        }

        foreach (var note in collector.Notes)
        {
            var noteData = note.Data?.DeepClone() as JsonObject ?? [];
            noteData["title"] = new JsonObject { ["vi"] = note.Title.Vi, ["en"] = note.Title.En };
            await dossiers.AppendEventAsync(dossier.Id, new NewDossierEvent(actor, note.Kind, noteData.ToJsonString(), note.Detail), ct);
        }

        var waitsForSupplement = state.Bookmarks.FirstOrDefault(b => b.Name == Supplement);
        var next = result is not null ? (result.Decision == "Rejected" ? DossierStatuses.Rejected : DossierStatuses.Approved)
            : waitsForSupplement is not null ? DossierStatuses.AwaitingSupplement
            : state.Bookmarks.Any(b => b.Name == Payment) ? DossierStatuses.AwaitingPayment
            : DossierStatuses.IsFinished(dossier.Status) ? dossier.Status
            // Ended while the citizen still owed a supplement: the request expired and the dossier is closed.
            : state.Status == WorkflowStatus.Finished && dossier.Status == DossierStatuses.AwaitingSupplement ? DossierStatuses.Cancelled
            : state.Status == WorkflowStatus.Finished ? DossierStatuses.Completed
            : DossierStatuses.Processing;

        if (state.Status == WorkflowStatus.Faulted && state.Fault is { } fault)
        {
            LogFault(logger, dossier.Code, fault.ActivityId, fault.Message);
            await dossiers.AppendEventAsync(dossier.Id, new NewDossierEvent("system", DossierEvents.Log, new JsonObject { ["message"] = $"Lỗi quy trình tại '{fault.ActivityId}': {fault.Message}" }.ToJsonString()), ct);
        }

        if (next == DossierStatuses.AwaitingSupplement && dossier.Status != next)
        {
            var message = reason ?? waitsForSupplement?.Payload?["message"]?.GetValue<string>();
            await dossiers.AppendEventAsync(dossier.Id, new NewDossierEvent(actor, DossierEvents.SupplementRequested, null, message), ct);
            dossier = await dossiers.GetAsync(dossier.Id, ct) ?? dossier;
        }

        if (next == dossier.Status && issued is null)
        {
            return;
        }

        var waiting = next is DossierStatuses.AwaitingSupplement or DossierStatuses.AwaitingPayment;
        await ChangeAsync(dossier, next, actor, reason, d =>
        {
            if (waiting && d.PausedAt is null)
            {
                d.PausedAt = now;
            }
            else if (!waiting && d.PausedAt is { } paused)
            {
                // The statutory clock stood still while the dossier waited for the citizen.
                if (d.DueAt is { } due)
                {
                    d.DueAt = calendar.ExtendForPause(due, paused, now);
                }

                d.PausedWorkingDays += calendar.WorkingDaysBetween(paused, now);
                d.PausedAt = null;
            }

            if (issued is not null)
            {
                d.ResultFileKey = issued.StorageKey;
                d.ResultText = issued.Text;
            }

            if (DossierStatuses.IsFinished(next) && d.CompletedAt is null)
            {
                d.CompletedAt = now;
            }
        }, ct);
    }

    private async Task ChangeAsync(DossierRecord dossier, string status, string actor, string? reason, Action<Dossier> change, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var current = attempt == 0 ? dossier : await dossiers.GetAsync(dossier.Id, ct) ?? dossier;
            var data = current.Status == status ? null : new JsonObject { ["from"] = current.Status, ["to"] = status }.ToJsonString();
            var result = await dossiers.UpdateAsync(
                current.Id,
                current.Version,
                d =>
                {
                    d.Status = status;
                    change(d);
                },
                data is null ? null : new NewDossierEvent(actor, DossierEvents.StatusChanged, data, reason),
                ct);
            if (result.Outcome != DossierUpdateOutcome.Conflict)
            {
                return;
            }
        }
    }

    private List<NewBookmark> NewBookmarks(CompiledProcedure procedure, WorkflowState state, HashSet<string> known, DossierRecord dossier)
    {
        var now = clock.GetUtcNow();
        var data = JsonNode.Parse(dossier.DataJson) as JsonObject ?? [];
        var list = new List<NewBookmark>();
        foreach (var b in state.Bookmarks.Where(b => !known.Contains(b.Id)))
        {
            HumanTaskSpec? task = null;
            if (b.Name == HumanTask)
            {
                var payload = b.Payload ?? [];
                var sla = payload["slaDays"] is JsonValue v && v.TryGetValue<double>(out var days) ? (decimal)days : 0m;
                var title = payload["title"] is JsonObject t ? t.ToJsonString() : payload["title"]?.ToString() ?? b.ActivityId;
                // A step handled by another agency ("liên thông") lands in that agency's inbox; any other in the dossier's.
                var agency = procedure.Routing.TaskAgency(b.ActivityId, data) ?? dossier.AgencyCode;
                task = new HumanTaskSpec(agency, payload["role"]?.GetValue<string>() ?? "", title, sla > 0 ? calendar.AddWorkingDays(now, sla) : dossier.DueAt);
            }

            list.Add(new NewBookmark(b.ActivityId, b.Name, b.Id, b.Payload?.ToJsonString(), b.DueAt, task));
        }

        return list;
    }

    /// <summary>Records in the dossier's history each new task that went to another agency than the dossier's.</summary>
    private async Task HandOverAsync(DossierRecord dossier, IEnumerable<NewBookmark> bookmarks, CancellationToken ct)
    {
        foreach (var (activityId, task) in bookmarks.Where(b => b.Task is not null).Select(b => (b.ActivityId, b.Task!)))
        {
            if (!string.Equals(task.AgencyCode, dossier.AgencyCode, StringComparison.OrdinalIgnoreCase))
            {
                var data = new JsonObject { ["activityId"] = activityId, ["title"] = task.Title, ["from"] = dossier.AgencyCode, ["to"] = task.AgencyCode };
                await dossiers.AppendEventAsync(dossier.Id, new NewDossierEvent("system", DossierEvents.HandedOver, data.ToJsonString()), ct);
            }
        }
    }

    private CompiledProcedure? CompiledFor(DossierRecord dossier) => catalog.Compiled(dossier.ProcedureVersionId, dossier.ProcedureCode);

    private WorkflowInterpreter Interpreter(ServerDossierServices collector) => new(collector, clock, services);

    private ServerDossierServices Collector(CompiledProcedure procedure, DossierRecord dossier, JsonObject decision) =>
        new(procedure, dossier, decision, results, clock);

    private static DossierInfo Info(DossierRecord dossier, CompiledProcedure procedure)
    {
        using var data = JsonDocument.Parse(dossier.DataJson);
        return new DossierInfo(dossier.Code, dossier.ProcedureCode, data.RootElement.Clone(), dossier.FeeVnd, procedure.Manifest.ServiceLevel);
    }


    [LoggerMessage(EventId = 5400, Level = LogLevel.Warning, Message = "Workflow of dossier {Code} faulted at {Activity}: {Message}")]
    private static partial void LogFault(ILogger logger, string code, string activity, string message);
}
