using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dvc.Designer.Drafts;

/// <summary>
/// The files of one procedure folder (path relative to the folder → text), and how the designer writes JSON: two-space
/// indentation and Vietnamese kept as characters, like the hand-written definitions.
/// </summary>
public static class ProcedureFiles
{
    public const string Manifest = "procedure.json";

    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(JsonNode? node) => (node?.ToJsonString(Indented) ?? "null") + "\n";

    public static string WriteCompact(JsonNode? node) => node?.ToJsonString(Compact) ?? "null";

    /// <summary>Parses JSON text; null when it is not valid JSON (the problems panel shows the parser's message).</summary>
    public static JsonNode? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The bundle form of a folder: one JSON object of path → text.</summary>
    public static string ToJson(IReadOnlyDictionary<string, string> files) =>
        WriteCompact(new JsonObject(files.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => KeyValuePair.Create(f.Key, (JsonNode?)JsonValue.Create(f.Value)))));

    public static SortedDictionary<string, string> FromJson(string json)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (TryParse(json) is JsonObject obj)
        {
            foreach (var (path, value) in obj)
            {
                if (value is JsonValue v && v.TryGetValue<string>(out var text) && IsSafePath(path))
                {
                    files[path] = text;
                }
            }
        }

        return files;
    }

    /// <summary>
    /// A path a draft may hold: relative, forward slashes, no <c>..</c>, no hidden segments, at most two levels
    /// (<c>templates/x.sbn</c>, <c>tests/x.json</c>), ordinary characters only. Drafts are untrusted input.
    /// </summary>
    public static bool IsSafePath(string path)
    {
        if (path.Length is 0 or > 120 || path.StartsWith('/') || path.Contains('\\', StringComparison.Ordinal))
        {
            return false;
        }

        var segments = path.Split('/');
        return segments.Length <= 2 && segments.All(s => s.Length > 0 && s[0] != '.' && s.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'));
    }
}
