using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dvc.Designer.Drafts;

/// <summary>
/// Reads a JSON number whatever backs the node: one parsed from text converts to any numeric type, but one the
/// builders created (<c>JsonValue.Create(3)</c>) only to its own, so <c>TryGetValue&lt;double&gt;</c> would miss it.
/// </summary>
public static class JsonNumber
{
    public static decimal? Read(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.Number
            && decimal.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;

    public static bool? ReadBool(JsonNode? node) =>
        node is JsonValue v ? v.GetValueKind() switch { JsonValueKind.True => true, JsonValueKind.False => false, _ => null } : null;
}
