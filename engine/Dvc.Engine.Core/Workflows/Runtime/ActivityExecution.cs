using System.Text.Json.Nodes;
using Dvc.Engine.Sdk;

namespace Dvc.Engine.Core.Workflows.Runtime;

/// <summary>One activity's view of the run: its frame, its inputs and the effects it may cause.</summary>
internal sealed class ActivityExecution(WorkflowExecution run, ActivityFrame frame, CompiledActivity activity)
{
    public WorkflowExecution Run { get; } = run;

    public ActivityFrame Frame { get; } = frame;

    public CompiledActivity Activity { get; } = activity;

    public JsonObject Properties => Frame.Properties;

    /// <summary>What the activity's expressions see: its workflow's variables, inputs and outputs, and loop variables.</summary>
    public ExpressionContext Scope => Run.ScopeFor(Frame, Activity);

    public bool HasInput(string name) => Run.HasInput(Activity, name);

    public JsonNode? Evaluate(string name) => Run.EvaluateInput(Frame, Activity, name);

    public string? EvaluateString(string name) => Evaluate(name) is { } value ? Expressions.ValueConversion.ToText(value) : null;

    /// <summary>An expression of the activity (a case condition) evaluated in its scope.</summary>
    public JsonNode? Evaluate(Expressions.CompiledExpression expression) => expression.Evaluate(Scope);

    public void Complete(params string[] outcomes) => Run.Complete(Frame, outcomes.Length == 0 ? ["Done"] : outcomes);

    public void CompleteWith(IReadOnlyList<string> outcomes) => Run.Complete(Frame, outcomes);

    public void Wait(BookmarkRequest request) => Run.Wait(Frame, Activity, request);

    public ActivityFrame Schedule(CompiledActivity child, JsonObject? properties = null) => Run.Schedule(Frame, child, properties);

    public void Fault(string message, string? code = null) => Run.Fault(Frame, message, code);

    public void Log(string message) => Run.Log(Activity.Id, message);

    public void SetOutput(string name, JsonNode? value) => Run.SetOutput(Frame, Activity, name, value);

    public void RejectResume(string reason) => Run.RejectResume(reason);

    public IEnumerable<ActivityFrame> ChildFrames => Run.State.Frames.Where(x => x.ParentId == Frame.Id).ToList();

    public void Cancel(ActivityFrame frame, bool notifyParent) => Run.Cancel(frame, notifyParent);

    /// <summary>The frame's boolean property (a loop's "isBreaking", a body's "viaBackEdge").</summary>
    public bool Flag(string name) => Properties[name] is JsonValue value && value.TryGetValue<bool>(out var flag) && flag;

    public DateTimeOffset Now => Run.Time.GetUtcNow();
}
