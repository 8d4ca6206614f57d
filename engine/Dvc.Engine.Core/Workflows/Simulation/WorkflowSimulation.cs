using System.Text.Json;
using System.Text.Json.Nodes;
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
/// A step is one JSON object: <c>{"task": "&lt;activity id&gt;", "outcome": "Approve", "comment": "…", "data": {…}}</c> (a task in a
/// called workflow answers to its own id, <c>review/task</c>, or to the calling activity's, <c>review</c>),
/// <c>{"payment": "Paid"}</c>, <c>{"supplement": {…}}</c> or <c>{"supplement": "Expired"}</c>, <c>{"event": "name", "payload": …}</c>,
/// <c>{"runTask": "name", "result": …}</c>, <c>{"timer": true}</c> (jumps the clock to the next due timer).
/// </remarks>
public sealed class WorkflowSimulation
{
    private readonly CompiledWorkflow _workflow;
    private readonly DossierInfo _dossier;
    private readonly SimulationClock _clock;
    private readonly WorkflowInterpreter _interpreter;

    private WorkflowSimulation(CompiledWorkflow workflow, DossierInfo dossier, InMemoryDossierServices services, DateTimeOffset start)
    {
        _workflow = workflow;
        _dossier = dossier;
        _clock = new SimulationClock(start);
        Services = services;
        _interpreter = new WorkflowInterpreter(services, _clock);
    }

    /// <summary>What the domain activities queued and issued (notifications, portal syncs, results).</summary>
    public InMemoryDossierServices Services { get; }

    /// <summary>The workflow being simulated.</summary>
    public CompiledWorkflow Workflow => _workflow;

    /// <summary>Simulates a dossier of <paramref name="procedure"/> submitted on <paramref name="submittedOn"/> at 09:00 Hanoi time.</summary>
    public static WorkflowSimulation ForProcedure(CompiledProcedure procedure, JsonObject data, DateOnly submittedOn)
    {
        if (procedure.Workflow is not { } workflow)
        {
            throw new InvalidOperationException($"Procedure '{procedure.Code}' has no compiled workflow.");
        }

        var services = new InMemoryDossierServices(
            (name, info) => RulesEvaluation.From(procedure.EvaluateRules(name, ToObject(info.Data), submittedOn)),
            (name, model) =>
            {
                var rendered = procedure.Render(name, new TemplateModel(model["data"] as JsonObject ?? [], model["dossier"] as JsonObject, submittedOn));
                return rendered.Success ? rendered.Text : throw new WorkflowSimulationException($"Template '{name}': {rendered.Error}");
            });
        var fee = procedure.ComputeFee(data, submittedOn).Total;
        var dossier = new DossierInfo($"{procedure.Code}-SIM", procedure.Code, JsonSerializer.SerializeToElement(data), fee, procedure.Manifest.ServiceLevel);
        var start = new DateTimeOffset(submittedOn.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(7));
        return new WorkflowSimulation(workflow, dossier, services, start);
    }

    /// <summary>Simulates a bare workflow (no procedure around it) with the given submission and fee.</summary>
    public static WorkflowSimulation ForWorkflow(CompiledWorkflow workflow, string procedureCode, JsonElement data, decimal? fee, DateTimeOffset start) =>
        new(workflow, new DossierInfo($"{procedureCode}-SIM", procedureCode, data, fee, 4), new InMemoryDossierServices(), start);

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

        if (step["task"]?.ToString() is { } task)
        {
            // A task inside a called workflow may be named by the calling activity's id ("review" for "review/task").
            var bookmark = Find(b => b.ActivityId == task && b.Name == "Dvc.HumanTask") ?? Find(b => b.ActivityId == task)
                ?? Find(b => b.ActivityId.StartsWith(task + "/", StringComparison.Ordinal) && b.Name == "Dvc.HumanTask")
                ?? Find(b => b.ActivityId.StartsWith(task + "/", StringComparison.Ordinal));
            return bookmark is null ? null : await Resume(bookmark, new JsonObject
            {
                ["outcome"] = step["outcome"]?.DeepClone(),

                // A payment answered by its activity id reads its result from "status".
                ["status"] = step["outcome"]?.DeepClone(),
                ["transactionId"] = step["transactionId"]?.DeepClone() ?? "SIM-TX",
                ["comment"] = step["comment"]?.DeepClone(),
                ["data"] = step["data"]?.DeepClone(),
                ["officer"] = step["officer"]?.DeepClone() ?? "simulation",
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
