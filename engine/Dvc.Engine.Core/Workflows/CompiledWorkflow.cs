using Dvc.Engine.Core.Workflows.Model;
using Dvc.Engine.Core.Workflows.SubWorkflows;

namespace Dvc.Engine.Core.Workflows;

/// <summary>
/// A workflow version ready to run: the document, each activity's behaviour and its expressions parsed once, each
/// flowchart's graph analysed once, and every sub-workflow it calls linked in under the id of the calling activity
/// (<c>review/task</c> is activity <c>task</c> of the workflow that activity <c>review</c> calls). Immutable and
/// shared by every instance of the version.
/// </summary>
public sealed class CompiledWorkflow
{
    internal CompiledWorkflow(WorkflowDocument document, string file, CompiledActivity root, IReadOnlyList<SubWorkflowPin> subWorkflows, FlowchartMode mode)
    {
        Document = document;
        File = file;
        Root = root;
        SubWorkflows = subWorkflows;
        Mode = mode;
        Activities = new Dictionary<string, CompiledActivity>(StringComparer.Ordinal);
        foreach (var activity in root.SelfAndDescendants())
        {
            Activities.TryAdd(activity.Id, activity);
        }
    }

    /// <summary>The definition as read (write it back with <see cref="Serialization.WorkflowWriter"/>).</summary>
    public WorkflowDocument Document { get; }

    /// <summary>The file it came from.</summary>
    public string File { get; }

    /// <summary>Every variable declared in the workflow or its containers (not those of the sub-workflows it calls).</summary>
    public IReadOnlyList<VariableDefinition> Variables => Root.Scope.Definition.Variables;

    /// <summary>Activity ids, root first; a sub-workflow's activities carry the calling activity's id as a prefix.</summary>
    public IEnumerable<string> ActivityIds => Activities.Keys;

    /// <summary>The versions of the sub-workflows this workflow calls (directly or through others), which an instance pins.</summary>
    public IReadOnlyList<SubWorkflowPin> SubWorkflows { get; }

    /// <summary>Counter-based (Elsa's default) or token-based flowcharts.</summary>
    public FlowchartMode Mode { get; }

    internal CompiledActivity Root { get; }

    internal Dictionary<string, CompiledActivity> Activities { get; }

    /// <summary>The type of an activity, or null when the id is unknown.</summary>
    public string? ActivityType(string activityId) => Activities.TryGetValue(activityId, out var activity) ? activity.Node.Type : null;

    /// <summary>
    /// The outcomes an activity can complete with (a human task's declared ones), or null when the id is unknown or only a
    /// run can tell. For an activity that calls a workflow, the answers its waiting activities take (a step may name the
    /// call for the task inside it).
    /// </summary>
    public IReadOnlyList<string>? OutcomesOf(string activityId)
    {
        if (!Activities.TryGetValue(activityId, out var activity))
        {
            return null;
        }

        if (activity.Callee is { } callee)
        {
            return [.. callee.SelfAndDescendants()
                .Where(a => a.Type is "Dvc.HumanTask" or "Dvc.RequestPayment" or "Dvc.WaitForSupplement")
                .SelectMany(a => OutcomesOf(a.Id) ?? [])
                .Distinct(StringComparer.Ordinal)];
        }

        return activity.Registration is { } registration ? registration.Behavior.PossibleOutcomes(activity.Node, registration.Descriptor) : null;
    }
}

/// <summary>How flowcharts decide what runs next (Elsa 3.6+ <c>FlowchartExecutionMode</c>).</summary>
public enum FlowchartMode
{
    /// <summary>Visit counters, implicit joins and dead-path skipping: Elsa's default, kept from 3.5.</summary>
    CounterBased,

    /// <summary>Tokens on connections, joins by each activity's <c>mergeMode</c> (Elsa 3.6+ when the host asks for it).</summary>
    TokenBased,
}

/// <summary>One activity with what the compiler resolved for it, placed in its workflow scope.</summary>
internal sealed class CompiledActivity(ActivityNode node, ActivityRegistration? registration, CompiledActivity? parent, ActivityScope scope)
{
    private static readonly string[] ChildSlots = ["activities", "body", "branches"];
    private IReadOnlyList<CompiledActivity>? _children;
    private Dictionary<string, CompiledActivity>? _byLocalId;

    public ActivityNode Node { get; } = node;

    /// <summary>The id in the instance: the calling activities' ids, then the id in its own file.</summary>
    public string Id { get; } = scope.Prefix + node.Id;

    /// <summary>The id in its own workflow file (what connections name).</summary>
    public string LocalId => Node.Id;

    public string Type => Node.Type;

    /// <summary>Null for an unknown type: the workflow faults if it is reached.</summary>
    public ActivityRegistration? Registration { get; } = registration;

    public CompiledActivity? Parent { get; } = parent;

    /// <summary>The workflow definition (and call) the activity belongs to.</summary>
    public ActivityScope Scope { get; } = scope;

    /// <summary>Expressions by input name (case conditions by <c>cases/&lt;i&gt;</c>); shared by every instantiation.</summary>
    public Dictionary<string, Expressions.CompiledExpression> Expressions { get; private init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The graph, for a flowchart (in local ids).</summary>
    public Runtime.FlowGraph? Graph { get; set; }

    /// <summary>The flowchart's merge mode per child (local id), in token-based mode.</summary>
    public IReadOnlyDictionary<string, string>? MergeModes { get; set; }

    /// <summary>Child activities by slot (<c>activities</c>, <c>then</c>, <c>body</c>, <c>cases/0</c>, <c>default</c>, …).</summary>
    public Dictionary<string, List<CompiledActivity>> Slots { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The children a container runs in order: its <c>activities</c>, <c>body</c> and <c>branches</c> (read once the tree is built).</summary>
    public IReadOnlyList<CompiledActivity> Children => _children ??= [.. ChildSlots.SelectMany(Slot)];

    /// <summary>The root of the workflow a call runs (a workflow used as an activity, <c>Elsa.ExecuteWorkflow</c>).</summary>
    public CompiledActivity? Callee { get; set; }

    /// <summary>The definition a call runs.</summary>
    public WorkflowLibraryEntry? CalleeEntry { get; set; }

    /// <summary>The children of one slot.</summary>
    public IReadOnlyList<CompiledActivity> Slot(string name) => Slots.TryGetValue(name, out var list) ? list : [];

    /// <summary>A direct child by its id in the file (what a flowchart connection names).</summary>
    public CompiledActivity Child(string localId)
    {
        _byLocalId ??= Slots.Values.SelectMany(x => x).GroupBy(c => c.LocalId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        return _byLocalId[localId];
    }

    /// <summary>This activity, its children and every called workflow's activities, depth first.</summary>
    public IEnumerable<CompiledActivity> SelfAndDescendants()
    {
        yield return this;
        foreach (var child in Slots.Values.SelectMany(x => x))
        {
            foreach (var descendant in child.SelfAndDescendants())
            {
                yield return descendant;
            }
        }

        if (Callee is not null)
        {
            foreach (var descendant in Callee.SelfAndDescendants())
            {
                yield return descendant;
            }
        }
    }

    /// <summary>
    /// A copy of this compiled tree placed under the call <paramref name="callId"/>: ids prefixed with <c>callId/</c>, scopes
    /// moved under the call; expressions, graphs and registrations are shared.
    /// </summary>
    public CompiledActivity Instantiate(string callId, CompiledActivity? parent, Dictionary<ActivityScope, ActivityScope>? scopes = null)
    {
        scopes ??= [];
        if (!scopes.TryGetValue(Scope, out var scope))
        {
            scopes[Scope] = scope = Scope.Under(callId);
        }

        var copy = new CompiledActivity(Node, Registration, parent, scope)
        {
            Expressions = Expressions,
            Graph = Graph,
            MergeModes = MergeModes,
            CalleeEntry = CalleeEntry,
        };
        foreach (var (slot, children) in Slots)
        {
            copy.Slots[slot] = [.. children.Select(c => c.Instantiate(callId, copy, scopes))];
        }

        copy.Callee = Callee?.Instantiate(callId, copy, scopes);
        return copy;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Type} '{Id}'";
}

/// <summary>
/// Where an activity sits: the workflow definition it was written in, and the call that runs that definition
/// (<see cref="CallActivityId"/>, null for the top workflow). Variables, inputs and outputs are looked up in this scope.
/// </summary>
internal sealed class ActivityScope(WorkflowScope definition, string prefix, string? callActivityId)
{
    public WorkflowScope Definition { get; } = definition;

    /// <summary>The id prefix of the scope's activities (<c>""</c>, <c>review/</c>).</summary>
    public string Prefix { get; } = prefix;

    /// <summary>The id of the activity whose frame holds the scope's variables, inputs and outputs; null for the top workflow.</summary>
    public string? CallActivityId { get; } = callActivityId;

    public bool IsRoot => CallActivityId is null;

    /// <summary>The same scope one call deeper.</summary>
    public ActivityScope Under(string callId) =>
        new(Definition, callId + "/" + Prefix, CallActivityId is null ? callId : callId + "/" + CallActivityId);
}

/// <summary>What one workflow definition declares, for the expressions of its activities: variables, inputs, outputs, named activities.</summary>
internal sealed class WorkflowScope
{
    public WorkflowScope(WorkflowDocument document, string file, IEnumerable<ActivityNode> ownActivities, WorkflowLibraryEntry? entry)
    {
        Document = document;
        File = file;
        Entry = entry;
        var activities = ownActivities.ToList();
        Variables = [.. document.Variables, .. activities.SelectMany(a => a.Variables)];
        VariablesById = Variables.GroupBy(x => x.Id, StringComparer.Ordinal).ToDictionary(x => x.Key, x => x.First(), StringComparer.Ordinal);
        VariablesByName = Variables.GroupBy(x => x.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(x => x.Key, x => x.First(), StringComparer.OrdinalIgnoreCase);
        LocalIds = activities.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        ActivitiesByName = activities.Where(a => a.Name is { Length: > 0 }).GroupBy(a => a.Name!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().Id, StringComparer.OrdinalIgnoreCase);
    }

    public WorkflowDocument Document { get; }

    public string File { get; }

    /// <summary>The library entry, for a called workflow; null for the top workflow.</summary>
    public WorkflowLibraryEntry? Entry { get; }

    public IReadOnlyList<VariableDefinition> Variables { get; }

    public Dictionary<string, VariableDefinition> VariablesById { get; }

    public Dictionary<string, VariableDefinition> VariablesByName { get; }

    public IReadOnlyList<WorkflowArgument> Inputs => Document.Inputs;

    public IReadOnlyList<WorkflowArgument> Outputs => Document.Outputs;

    /// <summary>Ids of the activities written in this definition.</summary>
    public HashSet<string> LocalIds { get; }

    /// <summary>Activity name → id, for <c>getOutputFrom(name)</c>.</summary>
    public Dictionary<string, string> ActivitiesByName { get; }

    /// <summary>(activity name, output name) pairs for the JavaScript <c>get&lt;Output&gt;From&lt;Activity&gt;()</c> accessors.</summary>
    public IReadOnlyList<(string ActivityName, string OutputName)> KnownOutputs { get; set; } = [];

    /// <summary>Names and ids of the activities whose type is refused: what they output is unknown, so reads of it are not checked.</summary>
    public IReadOnlyList<string> UnresolvedActivityNames { get; set; } = [];

    public VariableDefinition? FindVariable(string nameOrId) =>
        VariablesById.GetValueOrDefault(nameOrId) ?? VariablesByName.GetValueOrDefault(nameOrId);
}
