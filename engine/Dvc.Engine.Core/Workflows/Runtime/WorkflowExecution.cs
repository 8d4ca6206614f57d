using System.Globalization;
using System.Text.Json.Nodes;
using Dvc.Engine.Core.Workflows.Expressions;
using Dvc.Engine.Core.Workflows.Model;
using Dvc.Engine.Sdk;

namespace Dvc.Engine.Core.Workflows.Runtime;

/// <summary>
/// One run of the interpreter over a state: takes queued frames first in, first out (Elsa's default queue-based
/// scheduler), executes them, and routes completions to the parent container until nothing is queued.
/// </summary>
internal sealed class WorkflowExecution : IExpressionScope
{
    private string? _rejection;
    private JsonNode? _lastResult;

    public WorkflowExecution(CompiledWorkflow workflow, WorkflowState state, WorkflowRuntimeContext context)
    {
        Workflow = workflow;
        State = state;
        Context = context;
    }

    public CompiledWorkflow Workflow { get; }

    public WorkflowState State { get; }

    public WorkflowRuntimeContext Context { get; }

    public TimeProvider Time => Context.Time;

    public string? Rejection => _rejection;

    public ExpressionSandboxOptions Sandbox => Context.Sandbox;

    public string InstanceId => State.InstanceId;

    public string? DefinitionId => State.DefinitionId;

    public string? CorrelationId
    {
        get => State.CorrelationId;
        set => State.CorrelationId = value;
    }

    public JsonObject WorkflowInput => State.Input;

    public JsonNode? LastResult => _lastResult;

    public IEnumerable<KeyValuePair<string, JsonNode?>> Variables =>
        Workflow.Variables.Select(v => new KeyValuePair<string, JsonNode?>(v.Name, State.Variables.GetValueOrDefault(v.Id)));

    public IEnumerable<(string ActivityName, string OutputName)> KnownOutputs => Workflow.KnownOutputs;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (State.Status == WorkflowStatus.Running && State.Queue.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var frameId = State.Queue[0];
            State.Queue.RemoveAt(0);
            var frame = FindFrame(frameId);
            if (frame is null || frame.Status != FrameStatus.Scheduled)
            {
                continue;
            }

            frame.Status = FrameStatus.Running;
            State.Version++;
            var activity = Workflow.Activities[frame.ActivityId];
            AddTrace(activity, WorkflowTraceEvent.Executed, []);
            if (activity.Registration is null)
            {
                Fault(frame, $"Activity type '{activity.Type}' is not supported; the workflow cannot continue past '{activity.Id}'.", WorkflowDiagnostics.UnknownActivityType);
                break;
            }

            try
            {
                await activity.Registration.Behavior.ExecuteAsync(new ActivityExecution(this, frame, activity), cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
            {
                Fault(frame, FaultMessage(activity, ex));
            }
        }

        Settle();
    }

    public async Task ResumeAsync(WorkflowBookmark bookmark, JsonNode? payload, CancellationToken cancellationToken)
    {
        State.Bookmarks.Remove(bookmark);
        State.ConsumedBookmarks.Add(bookmark.Id);
        State.Version++;
        State.Status = WorkflowStatus.Running;
        var frame = FindFrame(bookmark.FrameId);
        var activity = Workflow.Activities[bookmark.ActivityId];
        AddTrace(activity, WorkflowTraceEvent.Resumed, []);
        if (frame is null || activity.Registration is null)
        {
            Settle();
            return;
        }

        frame.Status = FrameStatus.Running;
        try
        {
            await activity.Registration.Behavior.ResumeAsync(new ActivityExecution(this, frame, activity), bookmark, payload, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            Fault(frame, FaultMessage(activity, ex));
        }

        if (_rejection is not null)
        {
            return;
        }

        await RunAsync(cancellationToken);
    }

    public void Start(CompiledActivity root)
    {
        foreach (var variable in Workflow.Variables)
        {
            State.Variables[variable.Id] = ValueConversion.ConvertTo(variable.Value?.DeepClone(), variable.IsArray ? variable.TypeName + "[]" : variable.TypeName);
        }

        Schedule(null, root, null);
    }

    public ActivityFrame Schedule(ActivityFrame? parent, CompiledActivity activity, JsonObject? properties)
    {
        var frame = new ActivityFrame
        {
            Id = (++State.NextFrameNumber).ToString(CultureInfo.InvariantCulture),
            ActivityId = activity.Id,
            ParentId = parent?.Id,
            Status = FrameStatus.Scheduled,
            Properties = properties ?? [],
        };
        State.Frames.Add(frame);
        State.Queue.Add(frame.Id);
        return frame;
    }

    public void Complete(ActivityFrame frame, IReadOnlyList<string> outcomes)
    {
        if (!State.Frames.Contains(frame))
        {
            return;
        }

        CancelChildren(frame);
        Remove(frame);
        var activity = Workflow.Activities[frame.ActivityId];
        AddTrace(activity, WorkflowTraceEvent.Completed, outcomes);
        var parent = frame.ParentId is null ? null : FindFrame(frame.ParentId);
        if (parent is null)
        {
            if (frame.ParentId is null && State.Status == WorkflowStatus.Running)
            {
                State.Outcomes = [.. outcomes];
                State.Status = WorkflowStatus.Finished;
            }

            return;
        }

        var parentActivity = Workflow.Activities[parent.ActivityId];
        parentActivity.Registration!.Behavior.OnChildCompleted(new ActivityExecution(this, parent, parentActivity), frame, outcomes);
    }

    public void Cancel(ActivityFrame frame, bool notifyParent)
    {
        if (!State.Frames.Contains(frame))
        {
            return;
        }

        CancelChildren(frame);
        Remove(frame);
        var activity = Workflow.Activities[frame.ActivityId];
        AddTrace(activity, WorkflowTraceEvent.Cancelled, []);
        if (notifyParent && frame.ParentId is not null && FindFrame(frame.ParentId) is { } parent)
        {
            var parentActivity = Workflow.Activities[parent.ActivityId];
            parentActivity.Registration!.Behavior.OnChildCancelled(new ActivityExecution(this, parent, parentActivity), frame);
        }
    }

    public void Wait(ActivityFrame frame, CompiledActivity activity, BookmarkRequest request)
    {
        frame.Status = FrameStatus.Waiting;
        var bookmark = new WorkflowBookmark(
            Guid.NewGuid().ToString("N"),
            frame.Id,
            activity.Id,
            activity.Type,
            request.Name,
            request.Key,
            request.Payload?.DeepClone().AsObject(),
            request.DueAt,
            Time.GetUtcNow());
        State.Bookmarks.Add(bookmark);
        AddTrace(activity, WorkflowTraceEvent.Waiting, []);
    }

    public void Fault(ActivityFrame frame, string message, string? code = null)
    {
        State.Status = WorkflowStatus.Faulted;
        State.Fault = new WorkflowFault(frame.ActivityId, message, code);
        AddTrace(Workflow.Activities[frame.ActivityId], WorkflowTraceEvent.Faulted, []);
    }

    /// <summary><c>Elsa.Finish</c>: everything stops and the instance is finished.</summary>
    public void Finish()
    {
        foreach (var frame in State.Frames.Where(x => x.ParentId is null).ToList())
        {
            Cancel(frame, notifyParent: false);
        }

        State.Status = WorkflowStatus.Finished;
    }

    public void RejectResume(string reason) => _rejection = reason;

    public void Log(string activityId, string message) => State.Log.Add(new WorkflowLogEntry(Time.GetUtcNow(), activityId, message));

    public void SetOutput(CompiledActivity activity, string name, JsonNode? value)
    {
        if (!State.ActivityOutputs.TryGetValue(activity.Id, out var outputs))
        {
            State.ActivityOutputs[activity.Id] = outputs = [];
        }

        outputs[name] = value?.DeepClone();
        if (string.Equals(name, "result", StringComparison.OrdinalIgnoreCase))
        {
            _lastResult = value?.DeepClone();
        }

        if (activity.Node.OutputBindings.TryGetValue(name, out var target))
        {
            if (!TrySetVariable(target, value?.DeepClone()))
            {
                State.Outputs[target] = value?.DeepClone();
            }
        }
    }

    public bool HasInput(CompiledActivity activity, string name) =>
        activity.Expressions.ContainsKey(name) || activity.Node.Property(name) is { } node && !activity.Node.Inputs.ContainsKey(name) && node is not JsonObject { Count: 0 };

    public JsonNode? EvaluateInput(CompiledActivity activity, string name)
    {
        if (activity.Expressions.TryGetValue(name, out var expression))
        {
            return expression.Evaluate(this);
        }

        return activity.Node.Inputs.ContainsKey(name) ? null : activity.Node.Property(name)?.DeepClone();
    }

    public bool TryGetVariable(string nameOrId, out JsonNode? value)
    {
        if (Workflow.VariablesById.TryGetValue(nameOrId, out var variable) || Workflow.VariablesByName.TryGetValue(nameOrId, out variable))
        {
            value = State.Variables.GetValueOrDefault(variable.Id);
            return true;
        }

        value = null;
        return false;
    }

    public bool TrySetVariable(string nameOrId, JsonNode? value)
    {
        if (Workflow.VariablesById.TryGetValue(nameOrId, out var variable) || Workflow.VariablesByName.TryGetValue(nameOrId, out variable))
        {
            State.Variables[variable.Id] = ValueConversion.ConvertTo(value, variable.IsArray ? variable.TypeName + "[]" : variable.TypeName);
            return true;
        }

        return false;
    }

    public JsonNode? GetActivityOutput(string activityIdOrName, string? outputName)
    {
        var activity = Workflow.Activities.GetValueOrDefault(activityIdOrName)
            ?? Workflow.Activities.Values.FirstOrDefault(x => string.Equals(x.Node.Name, activityIdOrName, StringComparison.OrdinalIgnoreCase));
        if (activity is null || !State.ActivityOutputs.TryGetValue(activity.Id, out var outputs))
        {
            return null;
        }

        return JsonLookup.Get(outputs, outputName ?? "result")?.DeepClone();
    }

    public ActivityFrame? FindFrame(string id) => State.Frames.Find(x => x.Id == id);

    /// <summary>True when <paramref name="frame"/> sits somewhere below <paramref name="ancestor"/>.</summary>
    public bool IsDescendant(ActivityFrame frame, ActivityFrame ancestor)
    {
        var current = frame.ParentId;
        while (current is not null)
        {
            if (current == ancestor.Id)
            {
                return true;
            }

            current = FindFrame(current)?.ParentId;
        }

        return false;
    }

    public void AddTrace(CompiledActivity activity, WorkflowTraceEvent traceEvent, IReadOnlyList<string> outcomes) =>
        State.Trace.Add(new WorkflowTraceEntry(State.Version, activity.Id, activity.Type, traceEvent, outcomes, Time.GetUtcNow()));

    /// <summary>
    /// An expression's failure is reported as is; anything else an activity throws is named with it. Either way the
    /// instance faults (and the host records an incident) instead of the exception reaching the request.
    /// </summary>
    private static string FaultMessage(CompiledActivity activity, Exception ex) =>
        ex is WorkflowExpressionException ? ex.Message : $"Activity '{activity.Id}' ({activity.Type}) failed: {ex.Message}";

    private void CancelChildren(ActivityFrame frame)
    {
        foreach (var child in State.Frames.Where(x => x.ParentId == frame.Id).ToList())
        {
            Cancel(child, notifyParent: false);
        }
    }

    private void Remove(ActivityFrame frame)
    {
        State.Frames.Remove(frame);
        State.Queue.Remove(frame.Id);
        State.Bookmarks.RemoveAll(x => x.FrameId == frame.Id);
    }

    private void Settle()
    {
        if (State.Status == WorkflowStatus.Running)
        {
            State.Status = State.Frames.Count == 0 ? WorkflowStatus.Finished : WorkflowStatus.Suspended;
        }
    }

}
