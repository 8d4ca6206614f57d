using System.Text.Json;
using System.Text.Json.Nodes;
using Dvc.Engine.Core.Calendar;
using Dvc.Engine.Core.Workflows.Dossiers;
using Dvc.Engine.Core.Workflows.Expressions;
using Dvc.Engine.Core.Workflows.Runtime;
using Dvc.Engine.Sdk;

namespace Dvc.Engine.Core.Workflows;

/// <summary>
/// Runs compiled workflows: <see cref="StartAsync"/> runs a new instance until every path waits or it finishes;
/// <see cref="ResumeAsync"/> continues from a saved <see cref="WorkflowState"/> at one bookmark, exactly once.
/// The caller's state object is never changed: each call works on a copy and returns the new state.
/// </summary>
public sealed class WorkflowInterpreter
{
    private readonly IDossierServices _dossierServices;
    private readonly TimeProvider _time;
    private readonly IServiceProvider? _services;
    private readonly ExpressionSandboxOptions _sandbox;
    private readonly WorkingCalendar _calendar;

    /// <summary>Creates an interpreter over the host's services.</summary>
    /// <param name="dossierServices">The domain activities' seam to rules, templates and outboxes.</param>
    /// <param name="timeProvider">The clock for timers and logs; <see cref="TimeProvider.System"/> by default.</param>
    /// <param name="services">Further services plugins may resolve through their context.</param>
    /// <param name="sandbox">Expression limits; <see cref="ExpressionSandboxOptions.Default"/> by default.</param>
    /// <param name="calendar">The working calendar periods in working days count on: the host's (it may add the year's
    /// decided days off), else the statutory one.</param>
    public WorkflowInterpreter(
        IDossierServices dossierServices, TimeProvider? timeProvider = null, IServiceProvider? services = null, ExpressionSandboxOptions? sandbox = null, WorkingCalendar? calendar = null)
    {
        _dossierServices = dossierServices;
        _time = timeProvider ?? TimeProvider.System;
        _services = services;
        _sandbox = sandbox ?? ExpressionSandboxOptions.Default;
        _calendar = calendar ?? services?.GetService(typeof(WorkingCalendar)) as WorkingCalendar ?? new WorkingCalendar();
    }

    /// <summary>Starts a new instance for a dossier and runs it until it waits, finishes or faults.</summary>
    public async Task<WorkflowRunResult> StartAsync(CompiledWorkflow workflow, DossierInfo dossier, string? instanceId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        ArgumentNullException.ThrowIfNull(dossier);
        var state = new WorkflowState
        {
            InstanceId = instanceId ?? Guid.NewGuid().ToString("N"),
            DefinitionId = workflow.Document.DefinitionId,
            DefinitionVersionId = workflow.Document.Id,
            Input = InputFor(dossier),
        };
        var run = new WorkflowExecution(workflow, state, ContextFor(dossier));
        run.Start(workflow.Root);
        await run.RunAsync(cancellationToken);
        return new WorkflowRunResult(state, true);
    }

    /// <summary>
    /// Resumes one bookmark with a payload. Refused (state unchanged) when the bookmark is unknown or already consumed,
    /// when the instance is not suspended, or when the activity rejects the payload.
    /// </summary>
    public Task<WorkflowRunResult> ResumeAsync(CompiledWorkflow workflow, WorkflowState state, string bookmarkId, JsonNode? payload, CancellationToken cancellationToken = default) =>
        ResumeAsync(workflow, state, bookmarkId, payload, dossier: null, cancellationToken);

    /// <summary>
    /// Resumes one bookmark with the dossier as it is now: its data and fee replace what the instance last saw (a
    /// supplement corrected them), so the activities that run next, payments and templates read the corrected dossier.
    /// </summary>
    public async Task<WorkflowRunResult> ResumeAsync(
        CompiledWorkflow workflow, WorkflowState state, string bookmarkId, JsonNode? payload, DossierInfo? dossier, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        ArgumentNullException.ThrowIfNull(state);
        if (state.ConsumedBookmarks.Contains(bookmarkId))
        {
            return new WorkflowRunResult(state, false, $"Bookmark '{bookmarkId}' was already resumed.");
        }

        if (state.Status != WorkflowStatus.Suspended)
        {
            return new WorkflowRunResult(state, false, $"The instance is {state.Status}, not waiting.");
        }

        var copy = state.Clone();
        var bookmark = copy.Bookmarks.Find(x => x.Id == bookmarkId);
        if (bookmark is null)
        {
            return new WorkflowRunResult(state, false, $"Bookmark '{bookmarkId}' does not exist.");
        }

        if (dossier is not null)
        {
            var current = InputFor(dossier);
            copy.Input["data"] = current["data"]!.DeepClone();
            copy.Input["fee"] = current["fee"]?.DeepClone();
        }

        var run = new WorkflowExecution(workflow, copy, ContextFor(DossierFor(copy.Input)));
        await run.ResumeAsync(bookmark, payload, cancellationToken);
        return run.Rejection is { } rejection
            ? new WorkflowRunResult(state, false, rejection)
            : new WorkflowRunResult(copy, true);
    }

    /// <summary>
    /// Runs the faulted activity of a faulted instance again (its inputs evaluated afresh), then continues as usual.
    /// What an officer asks for after a transient failure, or once the cause is fixed; refused (state unchanged) when the
    /// instance is not faulted or its faulted step no longer exists.
    /// </summary>
    public async Task<WorkflowRunResult> RetryAsync(CompiledWorkflow workflow, WorkflowState state, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        ArgumentNullException.ThrowIfNull(state);
        if (state.Status != WorkflowStatus.Faulted || state.Fault is not { } fault)
        {
            return new WorkflowRunResult(state, false, $"The instance is {state.Status}, not faulted.");
        }

        var copy = state.Clone();

        // The step that faulted is the one left running (steps run one at a time); a fault on resume left it waiting.
        var frame = copy.Frames.LastOrDefault(f => f.ActivityId == fault.ActivityId && f.Status is FrameStatus.Running or FrameStatus.Waiting);
        if (frame is null || !workflow.Activities.ContainsKey(frame.ActivityId))
        {
            return new WorkflowRunResult(state, false, $"The faulted step '{fault.ActivityId}' cannot be run again.");
        }

        frame.Status = FrameStatus.Scheduled;
        copy.Bookmarks.RemoveAll(b => b.FrameId == frame.Id);
        copy.Queue.Remove(frame.Id);
        copy.Queue.Insert(0, frame.Id);
        copy.Fault = null;
        copy.Status = WorkflowStatus.Running;
        var run = new WorkflowExecution(workflow, copy, ContextFor(DossierFor(copy.Input)));
        await run.RunAsync(cancellationToken);
        return new WorkflowRunResult(copy, true);
    }

    /// <summary>Resumes every open <c>Elsa.Event</c> bookmark waiting for <paramref name="eventName"/>, in the order they were created.</summary>
    public async Task<WorkflowRunResult> PublishEventAsync(CompiledWorkflow workflow, WorkflowState state, string eventName, JsonNode? payload = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        var result = new WorkflowRunResult(state, false, $"No bookmark waits for event '{eventName}'.");
        var handled = new HashSet<string>(StringComparer.Ordinal);
        while (result.State.Status == WorkflowStatus.Suspended
            && result.State.Bookmarks.Find(x => x.Name == "Event" && x.Key == eventName && !handled.Contains(x.Id)) is { } bookmark)
        {
            handled.Add(bookmark.Id);
            var next = await ResumeAsync(workflow, result.State, bookmark.Id, payload?.DeepClone(), cancellationToken);
            if (next.Accepted)
            {
                result = next;
            }
        }

        return result;
    }

    /// <summary>Resumes every timer bookmark that is due by the injected clock, earliest first.</summary>
    public async Task<WorkflowRunResult> ResumeDueTimersAsync(CompiledWorkflow workflow, WorkflowState state, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        var result = new WorkflowRunResult(state, false, "No timer is due.");
        while (result.State.Status == WorkflowStatus.Suspended
            && result.State.Bookmarks.Where(x => x.DueAt is { } due && due <= _time.GetUtcNow()).OrderBy(x => x.DueAt).FirstOrDefault() is { } due)
        {
            var next = await ResumeAsync(workflow, result.State, due.Id, null, cancellationToken);
            if (!next.Accepted)
            {
                break;
            }

            result = next;
        }

        return result;
    }

    private WorkflowRuntimeContext ContextFor(DossierInfo dossier) =>
        new(_time, _sandbox, new WorkflowServiceProvider(_dossierServices, _time, _calendar, _services), dossier);

    private static JsonObject InputFor(DossierInfo dossier) => new()
    {
        ["data"] = dossier.Data.ValueKind == JsonValueKind.Undefined ? new JsonObject() : JsonNode.Parse(dossier.Data.GetRawText()),
        ["fee"] = dossier.Fee,
        ["dossierCode"] = dossier.Code,
        ["serviceLevel"] = dossier.ServiceLevel,
        ["procedureCode"] = dossier.ProcedureCode,
    };

    private static DossierInfo DossierFor(JsonObject input)
    {
        using var data = JsonDocument.Parse(input["data"]?.ToJsonString() ?? "{}");
        return new DossierInfo(
            input["dossierCode"]?.GetValue<string>() ?? string.Empty,
            input["procedureCode"]?.GetValue<string>() ?? string.Empty,
            data.RootElement.Clone(),
            ValueConversion.ToNumber(input["fee"]),
            (int)(ValueConversion.ToNumber(input["serviceLevel"]) ?? 3));
    }

    /// <summary>Gives activities the dossier services, the clock and the calendar, then whatever the host offers.</summary>
    private sealed class WorkflowServiceProvider(IDossierServices dossierServices, TimeProvider time, WorkingCalendar calendar, IServiceProvider? inner) : IServiceProvider
    {
        public object? GetService(Type serviceType) =>
            serviceType == typeof(IDossierServices) ? dossierServices
            : serviceType == typeof(TimeProvider) ? time
            : serviceType == typeof(WorkingCalendar) ? calendar
            : inner?.GetService(serviceType);
    }
}

/// <summary>What a start or resume produced. When <see cref="Accepted"/> is false, <see cref="State"/> is the unchanged input state.</summary>
public sealed record WorkflowRunResult(WorkflowState State, bool Accepted, string? Refusal = null)
{
    /// <summary>The instance status after the call.</summary>
    public WorkflowStatus Status => State.Status;

    /// <summary>The open bookmarks after the call.</summary>
    public IReadOnlyList<WorkflowBookmark> Bookmarks => State.Bookmarks;
}
