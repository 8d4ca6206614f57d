using System.Text.Json.Nodes;

namespace Dvc.Engine.Server.Forms;

/// <summary>Decides <c>x-ui.visibleWhen</c> on the server, the same way the page script does in the browser.</summary>
internal static class FormVisibilityEvaluator
{
    /// <param name="rule">The field's rule; <c>field</c> is a sibling name or a pointer from the root.</param>
    /// <param name="siblings">The object holding the field; a plain name is read from it.</param>
    /// <param name="root">The whole submission; a name starting with '/' is a pointer read from it.</param>
    public static bool IsVisible(FormVisibility rule, JsonObject siblings, JsonObject root)
    {
        JsonNode? node = rule.Field.StartsWith('/') ? root : siblings;
        foreach (var segment in rule.Field.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            node = node is JsonObject o ? o[segment] : null;
        }

        var actual = node switch
        {
            null => "",
            JsonValue v when v.TryGetValue<bool>(out var b) => b ? "true" : "false",
            _ => node.ToString(),
        };
        return rule.Values.Contains(actual, StringComparer.Ordinal);
    }
}
