using System.Text.Json.Nodes;

namespace Dvc.Engine.Core.Workflows.Model;

/// <summary>Case-insensitive property access: Elsa writes camelCase, older and hand-written files use PascalCase.</summary>
internal static class JsonLookup
{
    public static JsonNode? Get(JsonObject obj, string name) => Find(obj, name) is { } key ? obj[key] : null;

    /// <summary>The property name as spelled in the document, or null when absent.</summary>
    public static string? Find(JsonObject obj, string name)
    {
        if (obj.ContainsKey(name))
        {
            return name;
        }

        foreach (var property in obj)
        {
            if (string.Equals(property.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Key;
            }
        }

        return null;
    }

    public static string? GetString(JsonObject obj, string name) => Get(obj, name) is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    public static bool GetBool(JsonObject obj, string name)
    {
        var node = Get(obj, name);
        return node is JsonValue value && (value.TryGetValue<bool>(out var flag) ? flag : value.TryGetValue<string>(out var text) && bool.TryParse(text, out flag) && flag);
    }
}
