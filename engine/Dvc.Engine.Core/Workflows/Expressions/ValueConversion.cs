using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dvc.Engine.Core.Workflows.Expressions;

/// <summary>
/// Converts expression results to the Elsa type alias an input or variable declares (<c>"True"</c> → true,
/// <c>"0"</c> → 0, a JSON text → an array). Values stay JSON so workflow state serializes as is.
/// </summary>
internal static class ValueConversion
{
    public static JsonNode? ConvertTo(JsonNode? value, string? typeName)
    {
        if (value is null || string.IsNullOrEmpty(typeName))
        {
            return value;
        }

        var alias = typeName.Split(',')[0].Trim();
        if (alias.EndsWith("[]", StringComparison.Ordinal) || alias.StartsWith("List<", StringComparison.Ordinal)
            || alias.StartsWith("IEnumerable<", StringComparison.Ordinal) || alias.StartsWith("ICollection<", StringComparison.Ordinal))
        {
            return value is JsonValue text && text.TryGetValue<string>(out var json) ? ParseOrKeep(json) : value;
        }

        return alias switch
        {
            "String" or "System.String" => value is JsonValue v && v.TryGetValue<string>(out _) ? value : JsonValue.Create(ToText(value)),
            "Boolean" or "System.Boolean" => JsonValue.Create(ToBoolean(value)),
            "Int32" or "Int64" or "Int16" or "Double" or "Single" or "Decimal" or "Number"
                or "System.Int32" or "System.Int64" or "System.Double" or "System.Decimal" => ToNumber(value) is { } number ? JsonValue.Create(number) : null,
            "Object" or "ObjectDictionary" or "ExpandoObject" or "JsonObject" or "JsonNode" or "JsonElement" =>
                value is JsonValue s && s.TryGetValue<string>(out var raw) && LooksLikeJson(raw) ? ParseOrKeep(raw) : value,
            _ => value,
        };
    }

    public static string ToText(JsonNode? value) => value switch
    {
        null => string.Empty,
        JsonValue v when v.TryGetValue<string>(out var text) => text,
        JsonValue v when v.GetValueKind() == JsonValueKind.True => "True",
        JsonValue v when v.GetValueKind() == JsonValueKind.False => "False",
        _ => value.ToJsonString(),
    };

    public static bool ToBoolean(JsonNode? value) => value switch
    {
        null => false,
        JsonValue v when v.GetValueKind() == JsonValueKind.True => true,
        JsonValue v when v.GetValueKind() == JsonValueKind.False => false,
        JsonValue v when v.TryGetValue<string>(out var text) => bool.TryParse(text.Trim(), out var flag) ? flag : text.Length > 0 && text != "0",
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.GetValue<decimal>() != 0,
        _ => true,
    };

    public static decimal? ToNumber(JsonNode? value) => value switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => decimal.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null,
        JsonValue v when v.TryGetValue<string>(out var text) => decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null,
        JsonValue v when v.GetValueKind() == JsonValueKind.True => 1,
        JsonValue v when v.GetValueKind() == JsonValueKind.False => 0,
        _ => null,
    };

    /// <summary>A JSON-ish .NET value (from a payload or a plugin output) as a JSON node.</summary>
    public static JsonNode? FromObject(object? value) => value switch
    {
        null => null,
        JsonNode node => node.DeepClone(),
        JsonElement element => JsonNode.Parse(element.GetRawText()),
        _ => JsonSerializer.SerializeToNode(value, value.GetType(), SerializerOptions),
    };

    public static JsonSerializerOptions SerializerOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowReadingFromString,
    };

    private static bool LooksLikeJson(string text)
    {
        var trimmed = text.TrimStart();
        return trimmed.StartsWith('{') || trimmed.StartsWith('[');
    }

    private static JsonNode? ParseOrKeep(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return JsonValue.Create(text);
        }
    }
}
