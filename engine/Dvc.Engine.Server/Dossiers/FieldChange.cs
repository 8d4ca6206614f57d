using System.Text.Json.Nodes;

namespace Dvc.Engine.Server.Dossiers;

/// <summary>
/// One value a supplement changed, by JSON pointer, old and new (null when absent). A repeating group (an array) is
/// one change as a whole, as the citizen edits it as one list.
/// </summary>
internal sealed record FieldChange(string Pointer, JsonNode? Old, JsonNode? New)
{
    public static IReadOnlyList<FieldChange> Between(JsonObject before, JsonObject after)
    {
        var changes = new List<FieldChange>();
        Compare("", before, after, changes);
        return changes;
    }

    public JsonObject ToJson() => new() { ["pointer"] = Pointer, ["old"] = Old?.DeepClone(), ["new"] = New?.DeepClone() };

    public static FieldChange? FromJson(JsonNode? json) =>
        json?["pointer"]?.GetValue<string>() is { } pointer ? new FieldChange(pointer, json["old"]?.DeepClone(), json["new"]?.DeepClone()) : null;

    private static void Compare(string pointer, JsonObject before, JsonObject after, List<FieldChange> changes)
    {
        foreach (var name in before.Select(p => p.Key).Union(after.Select(p => p.Key), StringComparer.Ordinal))
        {
            var path = pointer + "/" + name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
            var old = before[name];
            var now = after[name];
            if (old is JsonObject oldGroup && now is JsonObject newGroup)
            {
                Compare(path, oldGroup, newGroup, changes);
            }
            else if (!JsonNode.DeepEquals(old, now))
            {
                changes.Add(new FieldChange(path, old?.DeepClone(), now?.DeepClone()));
            }
        }
    }
}
