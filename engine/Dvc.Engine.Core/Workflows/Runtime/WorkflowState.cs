using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Dvc.Engine.Core.Workflows.Runtime;

/// <summary>Where a workflow instance stands.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<WorkflowStatus>))]
public enum WorkflowStatus
{
    /// <summary>Work is queued (only seen inside a run).</summary>
    Running,

    /// <summary>Every path waits on a bookmark.</summary>
    Suspended,

    /// <summary>The root activity completed, or <c>Elsa.Finish</c> ran.</summary>
    Finished,

    /// <summary>An activity faulted (<c>Elsa.Fault</c>, a failing expression, a refused plugin).</summary>
    Faulted,

    /// <summary>The host cancelled the instance.</summary>
    Cancelled,
}

/// <summary>
/// The complete, serializable state of one workflow instance: variables, activity frames (scheduled, running,
/// waiting), flowchart join counters (inside frame properties), bookmarks, outputs, log and trace.
/// <see cref="Version"/> increases with every step so persistence can detect a concurrent writer.
/// </summary>
public sealed class WorkflowState
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    /// <summary>The instance id.</summary>
    public string InstanceId { get; set; } = string.Empty;

    /// <summary>The definition id the instance is pinned to.</summary>
    public string? DefinitionId { get; set; }

    /// <summary>The definition version id (the document's <c>id</c>).</summary>
    public string? DefinitionVersionId { get; set; }

    /// <summary>Increases by one with every executed or resumed step.</summary>
    public long Version { get; set; }

    /// <summary>The instance status.</summary>
    public WorkflowStatus Status { get; set; } = WorkflowStatus.Running;

    /// <summary>The instance name set by <c>Elsa.SetName</c>.</summary>
    public string? Name { get; set; }

    /// <summary>The correlation id set by <c>Elsa.Correlate</c>.</summary>
    public string? CorrelationId { get; set; }

    /// <summary>The workflow inputs (<c>data</c>, <c>fee</c>, <c>dossierCode</c>, <c>serviceLevel</c>, <c>procedureCode</c>).</summary>
    public JsonObject Input { get; set; } = [];

    /// <summary>Variable values by variable id.</summary>
    public Dictionary<string, JsonNode?> Variables { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Workflow outputs by name.</summary>
    public Dictionary<string, JsonNode?> Outputs { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The last outputs of each activity: activity id → output name → value.</summary>
    public Dictionary<string, JsonObject> ActivityOutputs { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The outcomes the root completed with (set by <c>Elsa.Complete</c> on the root).</summary>
    public List<string> Outcomes { get; set; } = [];

    /// <summary>Activities that are scheduled, running or waiting.</summary>
    public List<ActivityFrame> Frames { get; set; } = [];

    /// <summary>Frame ids waiting to execute, first in first out (as Elsa's default scheduler).</summary>
    public List<string> Queue { get; set; } = [];

    /// <summary>Open bookmarks.</summary>
    public List<WorkflowBookmark> Bookmarks { get; set; } = [];

    /// <summary>Ids of bookmarks already resumed: resuming one again is refused.</summary>
    public List<string> ConsumedBookmarks { get; set; } = [];

    /// <summary>The dossier log (WriteLine, plugin log lines).</summary>
    public List<WorkflowLogEntry> Log { get; set; } = [];

    /// <summary>What happened, step by step.</summary>
    public List<WorkflowTraceEntry> Trace { get; set; } = [];

    /// <summary>Why the instance faulted.</summary>
    public WorkflowFault? Fault { get; set; }

    /// <summary>Sequence for frame ids.</summary>
    public long NextFrameNumber { get; set; }

    /// <summary>
    /// The sub-workflow versions the instance started with. A resume on a workflow compiled with other versions is refused,
    /// so a dossier never continues on a child workflow it did not start with.
    /// </summary>
    public List<SubWorkflows.SubWorkflowPin> SubWorkflows { get; set; } = [];

    /// <summary>The ids of activities that executed, in order (the trace's <c>Executed</c> entries).</summary>
    [JsonIgnore]
    public IReadOnlyList<string> ExecutedActivityIds => Trace.Where(x => x.Event == WorkflowTraceEvent.Executed).Select(x => x.ActivityId).ToList();

    /// <summary>The dossier log as text lines.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> LogLines => Log.Select(x => x.Message).ToList();

    /// <summary>Serializes the whole state.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Options);

    /// <summary>Reads a state written by <see cref="ToJson"/>.</summary>
    public static WorkflowState FromJson(string json) =>
        JsonSerializer.Deserialize<WorkflowState>(json, Options) ?? throw new JsonException("The workflow state JSON is null.");

    /// <summary>A deep copy, so a refused step leaves the caller's state untouched.</summary>
    public WorkflowState Clone() => FromJson(ToJson());
}

/// <summary>Whether a frame is queued, executing (a container with live children) or waiting on a bookmark.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FrameStatus>))]
public enum FrameStatus
{
    /// <summary>In the queue.</summary>
    Scheduled,

    /// <summary>Executed and not yet complete (a container, or an activity between steps).</summary>
    Running,

    /// <summary>Waiting on a bookmark.</summary>
    Waiting,
}

/// <summary>One activity execution (Elsa's activity execution context), persisted while it is live.</summary>
public sealed class ActivityFrame
{
    /// <summary>The frame id, unique in the instance.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>The activity id in the workflow JSON.</summary>
    public string ActivityId { get; set; } = string.Empty;

    /// <summary>The parent frame (the container that scheduled it), null for the root.</summary>
    public string? ParentId { get; set; }

    /// <summary>Queued, running or waiting.</summary>
    public FrameStatus Status { get; set; }

    /// <summary>Per-execution data: flowchart counters, sequence index, fork completions, the loop flag.</summary>
    public JsonObject Properties { get; set; } = [];
}

/// <summary>A point where the instance waits for an officer, a payment, a citizen, a timer or an event.</summary>
/// <param name="Id">Unique id used to resume.</param>
/// <param name="FrameId">The waiting frame.</param>
/// <param name="ActivityId">The waiting activity.</param>
/// <param name="ActivityType">Its type.</param>
/// <param name="Name">The stimulus kind (<c>Dvc.HumanTask</c>, <c>Event</c>, <c>Delay</c>).</param>
/// <param name="Key">What the stimulus must match (event name, task name), if anything.</param>
/// <param name="Payload">What the resumer needs to know (task title, role, amount).</param>
/// <param name="DueAt">When a timer resumes it, if it is a timer.</param>
/// <param name="CreatedAt">When it was created.</param>
public sealed record WorkflowBookmark(
    string Id,
    string FrameId,
    string ActivityId,
    string ActivityType,
    string Name,
    string? Key,
    JsonObject? Payload,
    DateTimeOffset? DueAt,
    DateTimeOffset CreatedAt);

/// <summary>One dossier log line; <paramref name="Step"/> is the state version of the step that wrote it (the trace's step).</summary>
public sealed record WorkflowLogEntry(DateTimeOffset At, string ActivityId, string Message, long Step = 0);

/// <summary>What happened to an activity.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<WorkflowTraceEvent>))]
public enum WorkflowTraceEvent
{
    /// <summary>It started executing.</summary>
    Executed,

    /// <summary>It completed with outcomes.</summary>
    Completed,

    /// <summary>It waits on a bookmark.</summary>
    Waiting,

    /// <summary>Its bookmark was resumed.</summary>
    Resumed,

    /// <summary>Dead-path elimination skipped it (no inbound path was followed).</summary>
    Skipped,

    /// <summary>A join or a completing container cancelled it.</summary>
    Cancelled,

    /// <summary>It faulted.</summary>
    Faulted,
}

/// <summary>One trace entry.</summary>
public sealed record WorkflowTraceEntry(long Step, string ActivityId, string ActivityType, WorkflowTraceEvent Event, IReadOnlyList<string> Outcomes, DateTimeOffset At);

/// <summary>Why an instance faulted.</summary>
public sealed record WorkflowFault(string ActivityId, string Message, string? Code = null);
