using System.Text.Json.Nodes;
using Dvc.Engine.Core.Calendar;
using Dvc.Engine.Core.Definitions;
using Dvc.Engine.Persistence.Dossiers;
using Dvc.Engine.Persistence.Tasks;
using Dvc.Engine.Persistence.Workflows;
using Dvc.Engine.Server.Accounts;
using Dvc.Engine.Server.Dossiers;
using Dvc.Engine.Server.Tasks;

namespace Dvc.Engine.Server.Workflows;

/// <summary>
/// The review flow used when a procedure's Elsa workflow cannot run: one task for the agency (Approve, Reject,
/// RequestSupplement); approval issues the <c>result</c> template, rejection the <c>rejection</c> template, a
/// supplement request stops the clock until the citizen answers and then opens a new task.
/// </summary>
internal sealed class BuiltInReviewWorkflow(
    WorkflowStore workflows,
    DossierStore dossiers,
    DossierResults results,
    WorkingCalendar calendar,
    TimeProvider clock) : IDossierWorkflow
{
    public const string TaskBookmark = "Dvc.HumanTask";
    public const string SupplementBookmark = "Dvc.WaitForSupplement";
    private const string State = """{"engine":"built-in-review"}""";

    private static readonly IReadOnlyList<string> Outcomes = [TaskOutcomes.Approve, TaskOutcomes.RequestSupplement, TaskOutcomes.Reject];

    public async Task StartAsync(CompiledProcedure procedure, DossierRecord dossier, CancellationToken ct)
    {
        await workflows.CreateAsync(dossier.Id, State, "Suspended", [ReviewBookmark(procedure, dossier)], null, ct);
        await ChangeStatusAsync(dossier, DossierStatuses.Processing, "system", null, null, ct);
    }

    public Task<IReadOnlyList<string>> OutcomesAsync(HumanTaskRecord task, CancellationToken ct) => Task.FromResult(Outcomes);

    /// <summary>The review flow never asks for a payment.</summary>
    public Task<WorkflowStep> PaidAsync(CompiledProcedure procedure, DossierRecord dossier, string transactionId, Viewer payer, CancellationToken ct) =>
        Task.FromResult(new WorkflowStep(false));

    public async Task<WorkflowStep> TaskCompletedAsync(
        CompiledProcedure procedure, DossierRecord dossier, HumanTaskRecord task, string outcome, string? comment, Viewer officer, CancellationToken ct)
    {
        var consumed = await workflows.TryConsumeBookmarkAsync(task.BookmarkId, officer.UserId!, ct);
        if (consumed.Outcome != BookmarkConsumeOutcome.Consumed)
        {
            return new WorkflowStep(false);
        }

        var now = clock.GetUtcNow();
        switch (outcome)
        {
            case TaskOutcomes.Approve:
            {
                var issued = await results.IssueAsync(procedure, dossier, "result", outcome, comment, officer.Name, ct);
                await ChangeStatusAsync(dossier, DossierStatuses.Approved, officer.UserId!, comment, d =>
                {
                    d.CompletedAt = now;
                    d.ResultFileKey = issued?.StorageKey;
                    d.ResultText = issued?.Text;
                }, ct);
                if (issued is not null)
                {
                    await dossiers.AppendEventAsync(dossier.Id, new NewDossierEvent(officer.UserId!, DossierEvents.ResultIssued), ct);
                }

                await FinishAsync(task.InstanceId, "Finished", [], ct);
                break;
            }

            case TaskOutcomes.Reject:
            {
                var issued = await results.IssueAsync(procedure, dossier, "rejection", outcome, comment, officer.Name, ct);
                await ChangeStatusAsync(dossier, DossierStatuses.Rejected, officer.UserId!, comment, d =>
                {
                    d.CompletedAt = now;
                    d.ResultFileKey = issued?.StorageKey;
                    d.ResultText = issued?.Text;
                }, ct);
                await FinishAsync(task.InstanceId, "Finished", [], ct);
                break;
            }

            case TaskOutcomes.RequestSupplement:
            {
                await dossiers.AppendEventAsync(dossier.Id, new NewDossierEvent(officer.UserId!, DossierEvents.SupplementRequested, null, comment), ct);
                var current = await dossiers.GetAsync(dossier.Id, ct) ?? dossier;
                await ChangeStatusAsync(current, DossierStatuses.AwaitingSupplement, officer.UserId!, comment, d => d.PausedAt = now, ct);
                await FinishAsync(task.InstanceId, "Suspended", [new NewBookmark("supplement", SupplementBookmark, $"{dossier.Id:N}:supplement:{Guid.NewGuid():N}")], ct);
                break;
            }

            default:
                return new WorkflowStep(false);
        }

        return new WorkflowStep(true);
    }

    public async Task<WorkflowStep> SupplementedAsync(CompiledProcedure procedure, DossierRecord dossier, Viewer citizen, CancellationToken ct)
    {
        foreach (var instance in await workflows.ListForDossierAsync(dossier.Id, ct))
        {
            var waiting = (await workflows.ListOpenBookmarksAsync(instance.Id, ct)).FirstOrDefault(b => b.Name == SupplementBookmark);
            if (waiting is null)
            {
                continue;
            }

            var consumed = await workflows.TryConsumeBookmarkAsync(waiting.Id, citizen.UserId!, ct);
            if (consumed.Outcome != BookmarkConsumeOutcome.Consumed)
            {
                return new WorkflowStep(false);
            }

            var now = clock.GetUtcNow();
            await ChangeStatusAsync(dossier, DossierStatuses.Processing, citizen.UserId!, null, d =>
            {
                // The statutory clock stood still while the citizen had the dossier: move the deadline by that much.
                if (d.PausedAt is { } paused && d.DueAt is { } due)
                {
                    d.DueAt = calendar.ExtendForPause(due, paused, now);
                    d.PausedWorkingDays += calendar.WorkingDaysBetween(paused, now);
                }

                d.PausedAt = null;
            }, ct);
            var current = await dossiers.GetAsync(dossier.Id, ct) ?? dossier;
            await FinishAsync(instance.Id, "Suspended", [ReviewBookmark(procedure, current)], ct);
            return new WorkflowStep(true);
        }

        return new WorkflowStep(false);
    }

    private static NewBookmark ReviewBookmark(CompiledProcedure procedure, DossierRecord dossier)
    {
        var role = procedure.Manifest.Roles.Count > 0 ? procedure.Manifest.Roles[0].Id : "tiep-nhan";
        var title = new JsonObject { ["vi"] = "Xem xét, giải quyết hồ sơ", ["en"] = "Review and decide the dossier" }.ToJsonString();
        return new NewBookmark(
            "review",
            TaskBookmark,
            $"{dossier.Id:N}:review:{Guid.NewGuid():N}",
            new JsonObject { ["outcomes"] = new JsonArray([.. Outcomes.Select(o => (JsonNode)JsonValue.Create(o)!)]) }.ToJsonString(),
            Task: new HumanTaskSpec(dossier.AgencyCode, role, title, dossier.DueAt));
    }

    private async Task FinishAsync(Guid instanceId, string status, IReadOnlyList<NewBookmark> bookmarks, CancellationToken ct)
    {
        var instance = await workflows.GetAsync(instanceId, ct);
        if (instance is null)
        {
            return;
        }

        await workflows.SaveStateAsync(new WorkflowStateUpdate(instance.Id, instance.Version, instance.StateJson, status) { NewBookmarks = bookmarks }, ct);
    }

    private async Task ChangeStatusAsync(DossierRecord dossier, string status, string actor, string? reason, Action<Dossier>? change, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var current = attempt == 0 ? dossier : await dossiers.GetAsync(dossier.Id, ct) ?? dossier;
            var from = current.Status;
            var data = new JsonObject { ["from"] = from, ["to"] = status }.ToJsonString();
            var result = await dossiers.UpdateAsync(
                current.Id,
                current.Version,
                d =>
                {
                    d.Status = status;
                    change?.Invoke(d);
                },
                new NewDossierEvent(actor, DossierEvents.StatusChanged, data, reason),
                ct);
            if (result.Outcome != DossierUpdateOutcome.Conflict)
            {
                return;
            }
        }
    }
}
