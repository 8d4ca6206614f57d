using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dvc.Engine.Core.Calendar;
using Dvc.Engine.Core.Definitions;
using Dvc.Engine.Core.Templates;
using Dvc.Engine.Core.Workflows.Dossiers;
using Dvc.Engine.Core.Workflows.Runtime;
using Dvc.Engine.Sdk;

namespace Dvc.Engine.Core.Workflows.Simulation;

/// <summary>
/// One dossier run in memory, answered step by step: what <c>dvc run --steps</c> and a test case's <c>steps</c> share,
/// so both read the same step language. With a compiled procedure the real rules and templates answer the domain
/// activities; with a bare workflow every rules workflow passes and templates render as their name.
/// </summary>
/// <remarks>
/// A step is one JSON object: <c>{"task": "&lt;activity id&gt;", "outcome": "Approve", "comment": "…", "data": {…}}</c>,
/// <c>{"payment": "Paid"}</c>, <c>{"supplement": {…}}</c> or <c>{"supplement": "Expired"}</c>, <c>{"event": "name", "payload": …}</c>,
/// <c>{"runTask": "name", "result": …}</c>, <c>{"timer": true}</c> (jumps the clock to the next due timer). A task's
/// <c>outcome</c>, <c>comment</c> and <c>officer</c> reach the templates that activities render after it (the rejection letter).
/// </remarks>
public sealed class WorkflowSimulation
{
    private readonly CompiledWorkflow _workflow;
    private readonly DossierInfo _dossier;
    private readonly SimulationClock _clock;
    private readonly WorkflowInterpreter _interpreter;
    private readonly StrongBox<JsonObject?> _decision;

    private WorkflowSimulation(CompiledWorkflow workflow, DossierInfo dossier, InMemoryDossierServices services, SimulationClock clock, StrongBox<JsonObject?> decision)
    {
        _workflow = workflow;
        _dossier = dossier;
        _clock = clock;
        _decision = decision;
        Services = services;
        _interpreter = new WorkflowInterpreter(services, _clock);
    }

    /// <summary>The officer a task step is answered by when it names none.</summary>
    public const string DefaultOfficer = "Cán bộ kiểm thử";

    /// <summary>What the domain activities queued and issued (notifications, portal syncs, results).</summary>
    public InMemoryDossierServices Services { get; }

    /// <summary>The workflow being simulated.</summary>
    public CompiledWorkflow Workflow => _workflow;

    /// <summary>Simulates a dossier of <paramref name="procedure"/> submitted on <paramref name="submittedOn"/> at 09:00 Hanoi time.</summary>
    public static WorkflowSimulation ForProcedure(CompiledProcedure procedure, JsonObject data, DateOnly submittedOn) =>
        ForProcedure(procedure, data, new DateTimeOffset(submittedOn.ToDateTime(new TimeOnly(9, 0)), WorkingCalendar.UtcOffset));

    /// <summary>
    /// Simulates a dossier of <paramref name="procedure"/> submitted at <paramref name="submittedAt"/>. Templates see the
    /// dossier as the server shows it to them: its legal deadline on <paramref name="calendar"/> (the default Vietnamese
    /// calendar when null) as <c>due_on</c>, and the decision (outcome, comment, officer) of the step being answered.
    /// </summary>
    public static WorkflowSimulation ForProcedure(CompiledProcedure procedure, JsonObject data, DateTimeOffset submittedAt, WorkingCalendar? calendar = null)
    {
        if (procedure.Workflow is not { } workflow)
        {
            throw new InvalidOperationException($"Procedure '{procedure.Code}' has no compiled workflow.");
        }

        var submittedOn = WorkingCalendar.ToLocalDate(submittedAt);
        var dueOn = WorkingCalendar.ToLocalDate(procedure.LegalDeadline(submittedAt, calendar ?? new WorkingCalendar()));
        var fee = procedure.ComputeFee(data, submittedOn).Total;
        var dossier = new DossierInfo($"{procedure.Code}-SIM", procedure.Code, JsonSerializer.SerializeToElement(data), fee, procedure.Manifest.ServiceLevel);
        var clock = new SimulationClock(submittedAt);
        var decision = new StrongBox<JsonObject?>();
        var services = new InMemoryDossierServices(
            (name, info) => RulesEvaluation.From(procedure.EvaluateRules(name, ToObject(info.Data), submittedOn)),
            (name, model) =>
            {
                // As on the server: the officer's decision being answered, else the decision the activity states (IssueResult's).
                var answered = decision.Value;
                var dossierModel = TemplateModel.DossierObject(
                    dossier.Code,
                    submittedOn,
                    (long)fee,
                    "processing",
                    dueOn,
                    answered?["outcome"]?.ToString() ?? model["dossier"]?["decision"]?.ToString(),
                    answered?["comment"]?.ToString(),
                    answered?["officer"]?.ToString());
                var today = WorkingCalendar.ToLocalDate(clock.GetUtcNow());
                var rendered = procedure.Render(name, new TemplateModel(model["data"] as JsonObject ?? [], dossierModel, today));
                return rendered.Success ? rendered.Text : throw new TemplateRenderException(name, rendered.Error ?? string.Empty);
            });
        return new WorkflowSimulation(workflow, dossier, services, clock, decision);
    }

    /// <summary>Simulates a bare workflow (no procedure around it) with the given submission and fee.</summary>
    public static WorkflowSimulation ForWorkflow(CompiledWorkflow workflow, string procedureCode, JsonElement data, decimal? fee, DateTimeOffset start) =>
        new(workflow, new DossierInfo($"{procedureCode}-SIM", procedureCode, data, fee, 4), new InMemoryDossierServices(), new SimulationClock(start), new StrongBox<JsonObject?>());

    /// <summary>Starts the workflow and runs it until every path waits or it ends.</summary>
    public Task<WorkflowRunResult> StartAsync(CancellationToken cancellationToken = default) =>
        _interpreter.StartAsync(_workflow, _dossier, cancellationToken: cancellationToken);

    /// <summary>Answers one waiting point of <paramref name="current"/>; null when no waiting point matches the step.</summary>
    public async Task<WorkflowRunResult?> AnswerAsync(WorkflowRunResult current, JsonObject step, CancellationToken cancellationToken = default)
    {
        var state = current.State;
        WorkflowBookmark? Find(Func<WorkflowBookmark, bool> predicate) => state.Bookmarks.FirstOrDefault(predicate);
        Task<WorkflowRunResult> Resume(WorkflowBookmark bookmark, JsonNode? payload) =>
            _interpreter.ResumeAsync(_workflow, state, bookmark.Id, payload, cancellationToken);

        // Only an officer's answer carries a decision that templates rendered during this resume read (as on the server).
        _decision.Value = null;
        if (step["task"]?.ToString() is { } task)
        {
            var bookmark = Find(b => b.ActivityId == task && b.Name == "Dvc.HumanTask") ?? Find(b => b.ActivityId == task);
            if (bookmark is null)
            {
                return null;
            }

            var officer = step["officer"]?.ToString() ?? DefaultOfficer;
            _decision.Value = bookmark.Name == "Dvc.HumanTask"
                ? new JsonObject { ["outcome"] = step["outcome"]?.DeepClone(), ["comment"] = step["comment"]?.DeepClone(), ["officer"] = officer }
                : null;
            return await Resume(bookmark, new JsonObject
            {
                ["outcome"] = step["outcome"]?.DeepClone(),

                // A payment answered by its activity id reads its result from "status".
                ["status"] = step["outcome"]?.DeepClone(),
                ["transactionId"] = step["transactionId"]?.DeepClone() ?? "SIM-TX",
                ["comment"] = step["comment"]?.DeepClone(),
                ["data"] = step["data"]?.DeepClone(),
                ["officer"] = officer,
            });
        }

        if (step["payment"]?.ToString() is { } payment)
        {
            var bookmark = Find(b => b.Name == "Dvc.RequestPayment");
            return bookmark is null ? null : await Resume(bookmark, new JsonObject
            {
                ["status"] = payment,
                ["transactionId"] = step["transactionId"]?.DeepClone() ?? "SIM-TX",
            });
        }

        if (step.ContainsKey("supplement"))
        {
            var bookmark = Find(b => b.Name == "Dvc.WaitForSupplement");
            var supplement = step["supplement"];
            JsonNode payload = supplement is JsonValue value && value.ToString() == "Expired"
                ? new JsonObject { ["outcome"] = "Expired" }
                : new JsonObject { ["data"] = supplement?.DeepClone() };
            return bookmark is null ? null : await Resume(bookmark, payload);
        }

        if (step["event"]?.ToString() is { } eventName)
        {
            return await _interpreter.PublishEventAsync(_workflow, state, eventName, step["payload"]?.DeepClone(), cancellationToken);
        }

        if (step["runTask"]?.ToString() is { } taskName)
        {
            var bookmark = Find(b => b.Name == "RunTask" && b.Key == taskName);
            return bookmark is null ? null : await Resume(bookmark, step["result"]?.DeepClone());
        }

        if (step.ContainsKey("timer"))
        {
            var due = state.Bookmarks.Where(b => b.DueAt is not null).OrderBy(b => b.DueAt).FirstOrDefault();
            if (due is null)
            {
                return null;
            }

            _clock.MoveTo(due.DueAt!.Value);
            return await _interpreter.ResumeDueTimersAsync(_workflow, state, cancellationToken);
        }

        return null;
    }

    private static JsonObject ToObject(JsonElement data) => JsonNode.Parse(data.GetRawText()) as JsonObject ?? [];

    /// <summary>A clock that only moves when a <c>{"timer": true}</c> step asks it to, so runs are repeatable.</summary>
    private sealed class SimulationClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;

        public override DateTimeOffset GetUtcNow() => _now;

        public void MoveTo(DateTimeOffset moment) => _now = moment > _now ? moment : _now;
    }
}
