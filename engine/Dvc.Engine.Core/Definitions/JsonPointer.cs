using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Dvc.Engine.Core.Definitions;

/// <summary>RFC 6901 JSON pointers over <see cref="JsonNode"/> trees.</summary>
public static class JsonPointer
{
    /// <summary>Appends one reference token (escaped) to a pointer.</summary>
    public static string Append(string pointer, string token) => pointer + "/" + JsonLineMap.Escape(token);

    public static string Append(string pointer, int index) => pointer + "/" + index.ToString(CultureInfo.InvariantCulture);

    /// <summary>Splits a pointer into unescaped tokens; null when it is not a pointer ("" is the whole document).</summary>
    public static IReadOnlyList<string>? Parse(string pointer)
    {
        if (pointer.Length == 0)
        {
            return [];
        }

        if (pointer[0] != '/')
        {
            return null;
        }

        return pointer[1..].Split('/').Select(Unescape).ToArray();
    }

    public static string Unescape(string token) =>
        token.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);

    public static string FromTokens(IEnumerable<string> tokens)
    {
        var builder = new StringBuilder();
        foreach (var token in tokens)
        {
            builder.Append('/').Append(JsonLineMap.Escape(token));
        }

        return builder.ToString();
    }

    /// <summary>The value at <paramref name="pointer"/>; false when a token does not exist.</summary>
    public static bool TryNavigate(JsonNode? root, string pointer, out JsonNode? value)
    {
        value = null;
        var tokens = Parse(pointer);
        if (tokens is null)
        {
            return false;
        }

        var current = root;
        foreach (var token in tokens)
        {
            switch (current)
            {
                case JsonObject obj when obj.TryGetPropertyValue(token, out var child):
                    current = child;
                    break;
                case JsonArray array when int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < array.Count:
                    current = array[index];
                    break;
                default:
                    return false;
            }
        }

        value = current;
        return true;
    }

    /// <summary>The parent pointer ("" for a top-level token, "" for "").</summary>
    public static string Parent(string pointer)
    {
        var slash = pointer.LastIndexOf('/');
        return slash <= 0 ? string.Empty : pointer[..slash];
    }
}
