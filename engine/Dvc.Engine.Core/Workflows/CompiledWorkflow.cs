using Dvc.Engine.Core.Workflows.Expressions;
using Dvc.Engine.Core.Workflows.Model;
using Dvc.Engine.Core.Workflows.Runtime;

namespace Dvc.Engine.Core.Workflows;

/// <summary>
/// A workflow version ready to run: the document, each activity's behaviour and its expressions parsed once, each
/// flowchart's graph analysed once. Immutable and shared by every instance of the version.
/// </summary>
public sealed class CompiledWorkflow
{
    internal CompiledWorkflow(WorkflowDocument document, string file, CompiledActivity root, Dictionary<string, CompiledActivity> activities, IReadOnlyList<VariableDefinition> variables)
    {
        Document = document;
        File = file;
        Root = root;
        Activities = activities;
        Variables = variables;
        VariablesById = variables.GroupBy(x => x.Id, StringComparer.Ordinal).ToDictionary(x => x.Key, x => x.First(), StringComparer.Ordinal);
        KnownOutputs = activities.Values
            .Where(a => a.Node.Name is { Length: > 0 } name && name.All(c => char.IsLetterOrDigit(c) || c == '_') && char.IsLetter(name[0]) && a.Registration is not null)
            .SelectMany(a => a.Registration!.Descriptor.Outputs.Select(o => (a.Node.Name!, o.Name)))
            .ToList();
        VariablesByName = variables.GroupBy(x => x.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(x => x.Key, x => x.First(), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The definition as read (write it back with <see cref="Serialization.WorkflowWriter"/>).</summary>
    public WorkflowDocument Document { get; }

    /// <summary>The file it came from.</summary>
    public string File { get; }

    /// <summary>Every variable declared in the workflow or its containers.</summary>
    public IReadOnlyList<VariableDefinition> Variables { get; }

    /// <summary>Activity ids, root first.</summary>
    public IEnumerable<string> ActivityIds => Activities.Keys;

    internal CompiledActivity Root { get; }

    internal Dictionary<string, CompiledActivity> Activities { get; }

    internal Dictionary<string, VariableDefinition> VariablesById { get; }

    internal Dictionary<string, VariableDefinition> VariablesByName { get; }

    /// <summary>(activity name, output name) pairs for the JavaScript <c>get&lt;Output&gt;From&lt;Activity&gt;()</c> accessors.</summary>
    internal IReadOnlyList<(string ActivityName, string OutputName)> KnownOutputs { get; }

    /// <summary>The type of an activity, or null when the id is unknown.</summary>
    public string? ActivityType(string activityId) => Activities.TryGetValue(activityId, out var activity) ? activity.Node.Type : null;

    /// <summary>The outcomes an activity can complete with (a human task's declared ones), or null when the id is unknown or only a run can tell.</summary>
    public IReadOnlyList<string>? OutcomesOf(string activityId) =>
        Activities.TryGetValue(activityId, out var activity) && activity.Registration is { } registration
            ? registration.Behavior.PossibleOutcomes(activity.Node, registration.Descriptor)
            : null;
}

/// <summary>One activity with what the compiler resolved for it.</summary>
internal sealed class CompiledActivity(ActivityNode node, ActivityRegistration? registration, CompiledActivity? parent)
{
    public ActivityNode Node { get; } = node;

    public string Id => Node.Id;

    public string Type => Node.Type;

    /// <summary>Null for an unknown type: the workflow faults if it is reached.</summary>
    public ActivityRegistration? Registration { get; } = registration;

    public CompiledActivity? Parent { get; } = parent;

    /// <summary>Expressions by input name (FlowSwitch case conditions by <c>cases/&lt;i&gt;</c>).</summary>
    public Dictionary<string, CompiledExpression> Expressions { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The graph, for a flowchart.</summary>
    public FlowGraph? Graph { get; set; }

    public IReadOnlyList<CompiledActivity> Children { get; set; } = [];
}
