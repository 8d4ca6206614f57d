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

    /// <summary>Workflow-level variables.</summary>
    public List<VariableDefinition> Variables { get; } = [];

    /// <summary>Every activity, root first, depth first.</summary>
    public IEnumerable<ActivityNode> AllActivities() => new[] { Root }.Concat(Root.Descendants());
}
