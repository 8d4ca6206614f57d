using System.Text.Json.Nodes;

namespace Dvc.Engine.Core.Workflows.Model;

/// <summary>
/// An Elsa 3 workflow definition as read from JSON. <see cref="Json"/> is the whole document, untouched, so
/// writing it back keeps designer metadata, unknown activities and unknown fields.
/// </summary>
public sealed class WorkflowDocument
{
    internal WorkflowDocument(JsonObject json, ActivityNode root)
    {
        Json = json;
        Root = root;
        Inputs = ReadArguments(json, "inputs");
        Outputs = ReadArguments(json, "outputs");
        Outcomes = JsonLookup.Get(json, "outcomes") is JsonArray outcomes
            ? [.. outcomes.Select(x => x is JsonValue v && v.TryGetValue<string>(out var s) ? s : null).OfType<string>()]
            : [];
    }

    /// <summary>The whole document.</summary>
    public JsonObject Json { get; }

    /// <summary>The root activity (usually an <c>Elsa.Flowchart</c>).</summary>
    public ActivityNode Root { get; }

    /// <summary>The version id (<c>id</c>).</summary>
    public string? Id => JsonLookup.GetString(Json, "id");

    /// <summary>The id shared by all versions (<c>definitionId</c>).</summary>
    public string? DefinitionId => JsonLookup.GetString(Json, "definitionId");

    /// <summary>The workflow name.</summary>
    public string? Name => JsonLookup.GetString(Json, "name");

    /// <summary>The version number (<c>version</c>), 1 when absent.</summary>
    public int Version => JsonLookup.Get(Json, "version") is JsonValue v && v.TryGetValue<int>(out var version) ? version : 1;

    /// <summary>
    /// True when the definition may be used as an activity type by other workflows (Elsa's <c>options.usableAsActivity</c>,
    /// or the older top-level <c>usableAsActivity</c>).
    /// </summary>
    public bool UsableAsActivity => JsonLookup.Get(Json, "options") is JsonObject options && JsonLookup.GetBool(options, "usableAsActivity")
        || JsonLookup.GetBool(Json, "usableAsActivity");

    /// <summary>The palette category of a definition used as an activity (<c>options.activityCategory</c>).</summary>
    public string? ActivityCategory => JsonLookup.Get(Json, "options") is JsonObject options ? JsonLookup.GetString(options, "activityCategory") : null;

    /// <summary>The declared workflow inputs (<c>inputs[]</c>).</summary>
    public IReadOnlyList<WorkflowArgument> Inputs { get; }

    /// <summary>The declared workflow outputs (<c>outputs[]</c>).</summary>
    public IReadOnlyList<WorkflowArgument> Outputs { get; }

    /// <summary>The custom outcomes of a definition used as an activity (<c>outcomes[]</c>).</summary>
    public IReadOnlyList<string> Outcomes { get; }

    /// <summary>Workflow-level variables.</summary>
    public List<VariableDefinition> Variables { get; } = [];

    /// <summary>Every activity, root first, depth first.</summary>
    public IEnumerable<ActivityNode> AllActivities() => new[] { Root }.Concat(Root.Descendants());

    private static List<WorkflowArgument> ReadArguments(JsonObject json, string property)
    {
        var list = new List<WorkflowArgument>();
        if (JsonLookup.Get(json, property) is not JsonArray array)
        {
            return list;
        }

        foreach (var item in array.OfType<JsonObject>())
        {
            if (JsonLookup.GetString(item, "name") is { Length: > 0 } name)
            {
                list.Add(new WorkflowArgument(
                    name,
                    JsonLookup.GetString(item, "type") ?? JsonLookup.GetString(item, "typeName") ?? "Object",
                    JsonLookup.GetBool(item, "isArray"),
                    JsonLookup.GetString(item, "displayName") is { Length: > 0 } display ? display : name,
                    JsonLookup.GetString(item, "description")));
            }
        }

        return list;
    }
}
