using System.Text.Json.Nodes;

namespace Dvc.Engine.Core.Workflows.Model;

/// <summary>
/// One activity as read from the JSON. <see cref="Json"/> is the activity's own object inside the document, so
/// anything the engine does not understand (designer metadata, unknown inputs) survives a round trip.
/// </summary>
public sealed class ActivityNode
{
    internal ActivityNode(string id, string type, string pointer, JsonObject json)
    {
        Id = id;
        Type = type;
        Pointer = pointer;
        Json = json;
    }

    /// <summary>The activity id, unique in the workflow.</summary>
    public string Id { get; }

    /// <summary>The activity type name (<c>Elsa.WriteLine</c>, <c>Dvc.HumanTask</c>).</summary>
    public string Type { get; }

    /// <summary>JSON pointer of the activity object, e.g. <c>/root/activities/3</c>.</summary>
    public string Pointer { get; }

    /// <summary>The activity's raw JSON object.</summary>
    public JsonObject Json { get; }

    /// <summary>The display or technical name (<c>WriteLine1</c>), when present.</summary>
    public string? Name { get; internal set; }

    /// <summary>True when <c>customProperties.canStartWorkflow</c> (or the pre-3.0 top-level flag) is set.</summary>
    public bool CanStartWorkflow { get; internal set; }

    /// <summary>Wrapped inputs by JSON property name (case-insensitive).</summary>
    public Dictionary<string, ExpressionInput> Inputs { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Output bindings: output name → the variable id or workflow output name its memoryReference names.</summary>
    public Dictionary<string, string> OutputBindings { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Child activities by slot (<c>activities</c>, <c>then</c>, <c>else</c>, <c>body</c>, <c>branches</c>).</summary>
    public Dictionary<string, List<ActivityNode>> Slots { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Flowchart connections (empty for other activities).</summary>
    public List<ConnectionDefinition> Connections { get; } = [];

    /// <summary>Variables declared on this container.</summary>
    public List<VariableDefinition> Variables { get; } = [];

    /// <summary>The children of one slot, or an empty list.</summary>
    public IReadOnlyList<ActivityNode> Slot(string name) => Slots.TryGetValue(name, out var list) ? list : [];

    /// <summary>A plain (unwrapped) property of the activity, matched case-insensitively.</summary>
    public JsonNode? Property(string name) => JsonLookup.Get(Json, name);

    /// <summary>All activities below this one, depth first.</summary>
    public IEnumerable<ActivityNode> Descendants()
    {
        foreach (var child in Slots.Values.SelectMany(x => x))
        {
            yield return child;
            foreach (var grandChild in child.Descendants())
            {
                yield return grandChild;
            }
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"{Type} '{Id}'";
}
