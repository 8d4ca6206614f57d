using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dvc.Engine.Core.Definitions;

/// <summary>
/// Reads scalars from <see cref="JsonValue"/>s whether they were parsed (backed by JsonElement) or built in code
/// (backed by int, long, double …), which <c>TryGetValue&lt;T&gt;</c> alone does not cover.
/// </summary>
public static class JsonValues
{
    /// <summary><c>node[name]</c> when <paramref name="node"/> is an object, else null (the indexer throws on arrays and values).</summary>
    public static JsonNode? Property(JsonNode? node, string name) => node is JsonObject obj && obj.TryGetPropertyValue(name, out var value) ? value : null;

    public static bool TryGetDecimal(JsonNode? node, out decimal number)
    {
        number = 0;
        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.Number)
        {
            return false;
        }

        if (value.TryGetValue<JsonElement>(out var element))
        {
            return element.TryGetDecimal(out number);
        }

        if (value.TryGetValue<decimal>(out number))
        {
            return true;
        }

        if (value.TryGetValue<double>(out var d) && !double.IsNaN(d) && !double.IsInfinity(d) && Math.Abs(d) < 7.9e28)
        {
            number = (decimal)d;
            return true;
        }

        return decimal.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out number);
    }

    public static bool TryGetString(JsonNode? node, out string text)
    {
        text = string.Empty;
        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.TryGetValue<string>(out var s))
        {
            text = s;
            return true;
        }

        return false;
    }

    public static bool TryGetBoolean(JsonNode? node, out bool flag)
    {
        flag = false;
        if (node is JsonValue value && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            flag = value.GetValueKind() == JsonValueKind.True;
            return true;
        }

        return false;
    }

    /// <summary>ISO <c>yyyy-MM-dd</c> (an ISO date-time is accepted and its date kept).</summary>
    public static bool TryGetDate(JsonNode? node, out DateOnly date)
    {
        date = default;
        if (!TryGetString(node, out var text))
        {
            return false;
        }

        // ISO only: "02/03/2026" means 2 March to a Vietnamese reader and 3 February to the invariant culture, so it is refused.
        return (text.Length == 10 || (text.Length > 10 && text[10] is 'T' or ' '))
            && DateOnly.TryParseExact(text[..Math.Min(10, text.Length)], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }
}
