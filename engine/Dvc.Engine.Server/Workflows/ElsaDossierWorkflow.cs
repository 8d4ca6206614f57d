using System.Text.Json;
using System.Text.Json.Nodes;
using Dvc.Engine.Core.Calendar;
using Dvc.Engine.Core.Definitions;
using Dvc.Engine.Core.Workflows;
using Dvc.Engine.Core.Workflows.Activities;
using Dvc.Engine.Core.Workflows.Runtime;
using Dvc.Engine.Persistence;
using Dvc.Engine.Persistence.Dossiers;
using Dvc.Engine.Persistence.Tasks;
using Dvc.Engine.Persistence.Workflows;
using Dvc.Engine.Sdk;
using Dvc.Engine.Server.Accounts;
using Dvc.Engine.Server.Dossiers;
using Dvc.Engine.Server.Storage;
using Dvc.Engine.Server.Tasks;

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

    /// <summary>The bookmark (and inbox task) an officer answers when the workflow faulted: retry or escalate.</summary>
    private const string Incident = "Dvc.Incident";

    /// <summary>Who an escalated incident goes to: the head of the agency (agency admins hold every role too).</summary>
    private const string EscalationRole = "lanh-dao";

    public async Task StartAsync(CompiledProcedure procedure, DossierRecord dossier, CancellationToken ct)
    {
        var workflow = procedure.Workflow ?? throw new InvalidOperationException($"Procedure '{procedure.Code}' was served without a compiled workflow.");

        // Creating the instance and moving the dossier on commit together: a crash in between would leave a dossier
        // whose status no longer matches what its workflow waits for.
        await using var scope = await db.BeginWriteTransactionAsync(ct);
        var collector = new ServerDossierServices(procedure, dossier, [], 0, results, clock);
        var run = await Interpreter(collector).StartAsync(workflow, Info(dossier, procedure), Guid.NewGuid().ToString("N"), cancellationToken: ct);
        var state = run.State;
        List<NewBookmark> bookmarks = [.. NewBookmarks(procedure, state, [], dossier), .. IncidentFor(state, dossier)];
        var saved = await workflows.CreateAsync(dossier.Id, state.ToJson(), state.Status.ToString(), bookmarks, collector.Outbox(OpenRequest(state, collector)), ct);
        if (saved.Outcome != WorkflowSaveOutcome.Saved)
        {
            return;
        }

        await HandOverAsync(dossier, bookmarks, ct);

        await ApplyAsync(procedure, dossier, state, 0, collector, "system", null, ct);
        await scope.CommitAsync(ct);
    }

    public async Task<IReadOnlyList<TaskOutcome>> OutcomesAsync(HumanTaskRecord task, CancellationToken ct)
    {
        var bookmark = await workflows.GetBookmarkAsync(task.BookmarkId, ct);
        var payload = bookmark?.PayloadJson is { } json ? JsonNode.Parse(json) as JsonObject : null;
        var labels = payload?["outcomeLabels"] as JsonObject;
        return payload?["outcomes"] is JsonArray outcomes
            ? [.. outcomes.Select(o => o?.GetValue<string>()).OfType<string>().Select(o => new TaskOutcome(o, OutcomeLabels.Of(o, labels)))]
            : [];
    }

    public async Task<WorkflowStep> TaskCompletedAsync(
        CompiledProcedure procedure, DossierRecord dossier, HumanTaskRecord task, string outcome, string? comment, SupplementScope scope, Viewer officer, CancellationToken ct)
    {
        var instance = await workflows.GetAsync(task.InstanceId, ct);
        if (instance is null)
        {
            return new WorkflowStep(false);
        }

        if (await workflows.GetBookmarkAsync(task.BookmarkId, ct) is { Name: Incident })
        {
            return await ResolveIncidentAsync(procedure, dossier, instance, task.BookmarkId, outcome, comment, officer, ct);
        }

        var decision = new JsonObject { ["outcome"] = outcome, ["comment"] = comment, ["officer"] = officer.Name };
        if (!scope.IsEmpty)
        {
            decision["supplement"] = scope.ToJson();
        }

        return await ResumeAsync(procedure, dossier, instance, task.BookmarkId, decision, officer.UserId!, comment, ct);
    }

    /// <summary>
    /// An officer answered an incident: <c>Retry</c> runs the faulted step again (a new incident opens if it faults
    /// again); <c>Escalate</c> hands the incident, with the officer's comment, to the head of the agency.
    /// </summary>
    private async Task<WorkflowStep> ResolveIncidentAsync(
        CompiledProcedure procedure, DossierRecord dossier, WorkflowInstanceRecord instance, Guid bookmarkId, string outcome, string? comment, Viewer officer, CancellationToken ct)
    {
        await using var scope = await db.BeginWriteTransactionAsync(ct);
        if (procedure.Workflow is not CompiledWorkflow workflow
            || (await workflows.TryConsumeBookmarkAsync(bookmarkId, officer.UserId!, ct)).Outcome != BookmarkConsumeOutcome.Consumed)
        {
            return new WorkflowStep(false);
        }

        var before = WorkflowState.FromJson(instance.StateJson);
        var data = new JsonObject { ["activityId"] = before.Fault?.ActivityId };
        if (outcome == Tasks.TaskOutcomes.Escalate)
        {
            var escalated = new WorkflowStateUpdate(instance.Id, instance.Version, instance.StateJson, instance.Status)
            {
                NewBookmarks = [.. IncidentFor(before, dossier, EscalationRole)],
            };
            if ((await workflows.SaveStateAsync(escalated, ct)).Outcome != WorkflowSaveOutcome.Saved)
            {
                return new WorkflowStep(false);
            }

            await dossiers.AppendEventAsync(dossier.Id, new NewDossierEvent(officer.UserId!, DossierEvents.WorkflowEscalated, data.ToJsonString(), comment), ct);
            await scope.CommitAsync(ct);
            return new WorkflowStep(true);
        }

        var collector = await CollectorAsync(procedure, dossier, new JsonObject { ["officer"] = officer.Name }, ct);
        var run = await Interpreter(collector).RetryAsync(workflow, before, ct);
        if (!run.Accepted)
        {
            return new WorkflowStep(false, run.Refusal);
        }

        var state = run.State;
        var known = before.Bookmarks.Select(b => b.Id).ToHashSet(StringComparer.Ordinal);
        var update = new WorkflowStateUpdate(instance.Id, instance.Version, state.ToJson(), state.Status.ToString())
        {
            NewBookmarks = [.. NewBookmarks(procedure, state, known, dossier), .. IncidentFor(state, dossier)],
            OutboxMessages = collector.Outbox(OpenRequest(state, collector)),
        };
        if ((await workflows.SaveStateAsync(update, ct)).Outcome != WorkflowSaveOutcome.Saved)
        {
            return new WorkflowStep(false);
        }

        await HandOverAsync(dossier, update.NewBookmarks, ct);

        await dossiers.AppendEventAsync(dossier.Id, new NewDossierEvent(officer.UserId!, DossierEvents.WorkflowRetried, data.ToJsonString(), comment), ct);
        var current = await dossiers.GetAsync(dossier.Id, ct) ?? dossier;
        await ApplyAsync(procedure, current, state, before.Log.Count, collector, officer.UserId!, comment, ct);
        await scope.CommitAsync(ct);
        return new WorkflowStep(true);
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
        // One resume of a dossier at a time on every node; the instance is read again under the lock, since another
        // node may have moved it on since the caller read it.
        await using var scope = await db.BeginWriteTransactionAsync(ct);
        await db.LockDossierAsync(dossier.Id, ct);
        var bookmark = await workflows.GetBookmarkAsync(bookmarkId, ct);
        if (bookmark is null || bookmark.ConsumedAt is not null || procedure.Workflow is not CompiledWorkflow workflow
            || await workflows.GetAsync(instance.Id, ct) is not { } latest)
        {
            return new WorkflowStep(false);
        }

        instance = latest;

        var before = WorkflowState.FromJson(instance.StateJson);
        var collector = await CollectorAsync(procedure, dossier, payload ?? [], ct);
        // The dossier as it is now: a supplement may have corrected its data and fee since the instance last ran.
        var run = await Interpreter(collector).ResumeAsync(workflow, before, bookmark.Hash, payload, Info(dossier, procedure), ct);
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
            NewBookmarks = [.. NewBookmarks(procedure, state, known, dossier), .. IncidentFor(state, dossier)],
            OutboxMessages = collector.Outbox(OpenRequest(state, collector)),
        };
        var saved = await workflows.SaveStateAsync(update, ct);
        if (saved.Outcome != WorkflowSaveOutcome.Saved)
        {
            return new WorkflowStep(false);
        }

        await HandOverAsync(dossier, update.NewBookmarks, ct);

        var current = await dossiers.GetAsync(dossier.Id, ct) ?? dossier;
        await ApplyAsync(procedure, current, state, before.Log.Count, collector, actor, reason, ct, bookmark);
        await scope.CommitAsync(ct);
        return new WorkflowStep(true);
    }

    /// <summary>
    /// Moves the dossier to the status the workflow now implies, issuing results, stating what is asked of the citizen
    /// (with its deadline), and stopping or restarting the statutory clock: each change is an event with a reason.
    /// </summary>
    private async Task ApplyAsync(
        CompiledProcedure procedure, DossierRecord dossier, WorkflowState state, int knownLogLines, ServerDossierServices collector, string actor, string? reason, CancellationToken ct,
        BookmarkRecord? resumed = null)
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

        var request = OpenRequest(state, collector);
        var next = result is not null ? (result.Decision == "Rejected" ? DossierStatuses.Rejected : DossierStatuses.Approved)
            : request?.Kind == CitizenRequest.Supplement ? DossierStatuses.AwaitingSupplement
            : request?.Kind == CitizenRequest.Payment ? DossierStatuses.AwaitingPayment
            : DossierStatuses.IsFinished(dossier.Status) ? dossier.Status
            // Ended while the citizen still owed a supplement or a payment: the request expired and the dossier is closed.
            : state.Status == WorkflowStatus.Finished && dossier.Status is DossierStatuses.AwaitingSupplement or DossierStatuses.AwaitingPayment ? DossierStatuses.Cancelled
            : state.Status == WorkflowStatus.Finished ? DossierStatuses.Completed
            : DossierStatuses.Processing;

        if (state.Status == WorkflowStatus.Faulted && state.Fault is { } fault)
        {
            // Officers see it in the history and get an incident task in their inbox (see IncidentFor).
            LogFault(logger, dossier.Code, fault.ActivityId, fault.Message);
            await dossiers.AppendEventAsync(dossier.Id, new NewDossierEvent("system", DossierEvents.WorkflowFaulted, new JsonObject { ["activityId"] = fault.ActivityId }.ToJsonString(), fault.Message), ct);
        }

        var opened = new List<NewDossierEvent>();
        if (resumed?.Name == Payment && collector.Decision["status"]?.ToString() == "Paid")
        {
            // What was paid is what a refusal later refunds; a dossier refused before paying has nothing to refund.
            var asked = resumed.PayloadJson is { } payload ? JsonNode.Parse(payload)?["amount"] : null;
            opened.Add(new NewDossierEvent(actor, DossierEvents.PaymentReceived, new JsonObject
            {
                ["amount"] = asked?.DeepClone() ?? dossier.FeeVnd,
                ["transactionId"] = collector.Decision["transactionId"]?.DeepClone(),
            }.ToJsonString()));
        }

        if (request is not null && dossier.Status != next)
        {
            // The officer's comment is the request's text; the history shows it once, on this event.
            var kind = request.Kind == CitizenRequest.Supplement ? DossierEvents.SupplementRequested : DossierEvents.PaymentRequested;
            opened.Add(new NewDossierEvent(actor, kind, request.ToJson().ToJsonString(), request.Kind == CitizenRequest.Supplement ? reason ?? request.Message : null));
        }

        if (next == dossier.Status && issued is null && opened.Count == 0)
        {
            return;
        }

        var waiting = next is DossierStatuses.AwaitingSupplement or DossierStatuses.AwaitingPayment;
        await ChangeAsync(dossier, next, actor, reason, d =>
        {
            var events = new List<NewDossierEvent>(opened);
            if (waiting && d.PausedAt is null)
            {
                d.PausedAt = now;
                events.Add(new NewDossierEvent("system", DossierEvents.ClockPaused, new JsonObject { ["dueAt"] = Iso(d.DueAt) }.ToJsonString()));
            }
            else if (!waiting && d.PausedAt is { } paused)
            {
                // The statutory clock stood still while the dossier waited for the citizen.
                var days = calendar.WorkingDaysBetween(paused, now);
                var previous = d.DueAt;
                d.DueAt = previous is { } due ? calendar.ExtendForPause(due, days) : null;
                d.PausedWorkingDays += days;
                d.PausedAt = null;
                events.Add(new NewDossierEvent("system", DossierEvents.ClockResumed, new JsonObject
                {
                    ["pausedAt"] = Iso(paused),
                    ["pausedWorkingDays"] = days,
                    ["previousDueAt"] = Iso(previous),
                    ["dueAt"] = Iso(d.DueAt),
                }.ToJsonString()));
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

            return events;
        }, ct);
    }

    /// <summary>Sets the status and applies <paramref name="change"/>, which returns the further events explaining it; retried on a version conflict.</summary>
    private async Task ChangeAsync(DossierRecord dossier, string status, string actor, string? reason, Func<Dossier, List<NewDossierEvent>> change, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var current = attempt == 0 ? dossier : await dossiers.GetAsync(dossier.Id, ct) ?? dossier;
            var result = await dossiers.UpdateAsync(
                current.Id,
                current.Version,
                d =>
                {
                    var from = d.Status;
                    d.Status = status;
                    var events = change(d);
                    // The reason (an officer's comment) is told once: on the request it opened, else on the status change.
                    var said = events.Any(e => e.Reason is not null);
                    return from == status
                        ? events
                        : [.. events, new NewDossierEvent(actor, DossierEvents.StatusChanged, new JsonObject { ["from"] = from, ["to"] = status }.ToJsonString(), said ? null : reason)];
                },
                ct);
            if (result.Outcome != DossierUpdateOutcome.Conflict)
            {
                return;
            }
        }
    }

    private List<NewBookmark> NewBookmarks(CompiledProcedure procedure, WorkflowState state, HashSet<string> known, DossierRecord dossier)
    {
        var data = JsonNode.Parse(dossier.DataJson) as JsonObject ?? [];
        var list = new List<NewBookmark>();
        foreach (var b in state.Bookmarks.Where(b => !known.Contains(b.Id)))
        {
            HumanTaskSpec? task = null;
            if (b.Name == HumanTask)
            {
                var payload = b.Payload ?? [];
                // The activity counted its SLA in the unit it declares; a task without one is due with the dossier.
                var due = DateTimeOffset.TryParse(payload["slaDueAt"]?.ToString(), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var sla) ? sla : dossier.DueAt;
                var title = payload["title"] is JsonObject t ? t.ToJsonString() : payload["title"]?.ToString() ?? b.ActivityId;
                // A step handled by another agency ("liên thông") lands in that agency's inbox; any other in the dossier's.
                var agency = procedure.Routing.TaskAgency(b.ActivityId, data) ?? dossier.AgencyCode;
                task = new HumanTaskSpec(agency, payload["role"]?.GetValue<string>() ?? "", title, due);
            }

            list.Add(new NewBookmark(b.ActivityId, b.Name, b.Id, b.Payload?.ToJsonString(), b.DueAt, task));
        }

        return list;
    }

    /// <summary>
    /// A faulted state gets one incident: a bookmark outside the workflow with a task for any officer of the handling
    /// agency (or, escalated, for its head), whose outcomes are retry and escalate. Nothing when the state did not fault.
    /// </summary>
    private List<NewBookmark> IncidentFor(WorkflowState state, DossierRecord dossier, string role = "")
    {
        if (state.Status != WorkflowStatus.Faulted || state.Fault is not { } fault)
        {
            return [];
        }

        var escalated = role.Length > 0;
        var payload = new JsonObject
        {
            ["outcomes"] = escalated ? new JsonArray(Tasks.TaskOutcomes.Retry) : new JsonArray(Tasks.TaskOutcomes.Retry, Tasks.TaskOutcomes.Escalate),
            ["outcomeLabels"] = new JsonObject
            {
                [Tasks.TaskOutcomes.Retry] = new JsonObject { ["vi"] = "Thử lại bước bị lỗi", ["en"] = "Retry the failed step" },
                [Tasks.TaskOutcomes.Escalate] = new JsonObject { ["vi"] = "Chuyển lãnh đạo xử lý", ["en"] = "Escalate to the head of agency" },
            },
            ["role"] = role,
            ["message"] = fault.Message,
        };
        var title = escalated
            ? new JsonObject { ["vi"] = "Xử lý sự cố quy trình (được chuyển lên)", ["en"] = "Resolve a workflow fault (escalated)" }
            : new JsonObject { ["vi"] = "Xử lý sự cố quy trình", ["en"] = "Resolve a workflow fault" };
        var hash = $"incident-{state.InstanceId}-{state.Version}-{(escalated ? "escalated" : "open")}";
        return [new NewBookmark(fault.ActivityId, Incident, hash, payload.ToJsonString(), null, new HumanTaskSpec(dossier.AgencyCode, role, title.ToJsonString(), dossier.DueAt))];
    }

    /// <summary>What the workflow now waits for from the citizen, with the officer's scope when the request came from a task.</summary>
    private static CitizenRequest? OpenRequest(WorkflowState state, ServerDossierServices collector)
    {
        var scope = collector.Decision["supplement"] is JsonObject named ? SupplementScope.FromJson(named) : null;
        return state.Bookmarks.Select(b => CitizenRequest.FromBookmark(b, scope)).OfType<CitizenRequest>()
            .OrderBy(r => r.Kind == CitizenRequest.Supplement ? 0 : 1)
            .FirstOrDefault();
    }

    private static string? Iso(DateTimeOffset? instant) => instant?.ToOffset(WorkingCalendar.UtcOffset).ToString("O", System.Globalization.CultureInfo.InvariantCulture);

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

    private WorkflowInterpreter Interpreter(ServerDossierServices collector) => new(collector, clock, services, calendar: calendar);

    private async Task<ServerDossierServices> CollectorAsync(CompiledProcedure procedure, DossierRecord dossier, JsonObject decision, CancellationToken ct)
    {
        var paid = (await dossiers.ListEventsAsync(dossier.Id, ct))
            .Where(e => e.Kind == DossierEvents.PaymentReceived && e.DataJson is not null)
            .Sum(e => JsonNode.Parse(e.DataJson!)?["amount"]?.GetValue<decimal>() ?? 0);
        return new ServerDossierServices(procedure, dossier, decision, (long)paid, results, clock);
    }

    private static DossierInfo Info(DossierRecord dossier, CompiledProcedure procedure)
    {
        using var data = JsonDocument.Parse(dossier.DataJson);
        return new DossierInfo(dossier.Code, dossier.ProcedureCode, data.RootElement.Clone(), dossier.FeeVnd, procedure.Manifest.ServiceLevel);
    }


    [LoggerMessage(EventId = 5400, Level = LogLevel.Warning, Message = "Workflow of dossier {Code} faulted at {Activity}: {Message}")]
    private static partial void LogFault(ILogger logger, string code, string activity, string message);
}
