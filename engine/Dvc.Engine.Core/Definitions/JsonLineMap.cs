using System.Text;
using System.Text.Json;

namespace Dvc.Engine.Core.Definitions;

/// <summary>
/// Maps RFC 6901 JSON pointers of one document to the line and column where the value starts.
/// System.Text.Json's DOM drops positions, so diagnostics look them up here after the fact.
/// </summary>
public sealed class JsonLineMap
{
    private readonly Dictionary<string, (int Line, int Column)> _positions = new(StringComparer.Ordinal);

    private JsonLineMap()
    {
    }

    public static JsonLineMap Empty { get; } = new();

    /// <summary>Builds the map; a document that does not parse yields the positions read up to the error.</summary>
    public static JsonLineMap Build(ReadOnlySpan<byte> utf8Json)
    {
        var map = new JsonLineMap();
        if (utf8Json.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            utf8Json = utf8Json[3..];
        }

        var lineStarts = new List<int> { 0 };
        for (var i = 0; i < utf8Json.Length; i++)
        {
            if (utf8Json[i] == (byte)'\n')
            {
                lineStarts.Add(i + 1);
            }
        }

        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 256 });
        var path = new List<string>();
        var arrayIndex = new Stack<int>();
        var containers = new Stack<bool>(); // true = array
        string? pendingProperty = null;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        pendingProperty = reader.GetString();
                        break;
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        PushValue(map, ref reader, utf8Json, lineStarts, path, arrayIndex, containers, ref pendingProperty);
                        containers.Push(reader.TokenType == JsonTokenType.StartArray);
                        if (reader.TokenType == JsonTokenType.StartArray)
                        {
                            arrayIndex.Push(0);
                        }

                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        if (containers.Pop())
                        {
                            arrayIndex.Pop();
                        }

                        if (path.Count > 0)
                        {
                            path.RemoveAt(path.Count - 1);
                        }

                        break;
                    default:
                        PushValue(map, ref reader, utf8Json, lineStarts, path, arrayIndex, containers, ref pendingProperty);
                        path.RemoveAt(path.Count - 1);
                        break;
                }
            }
        }
        catch (JsonException)
        {
            // Positions read so far stay usable; the loader reports the syntax error itself.
        }

        return map;
    }

    private static void PushValue(
        JsonLineMap map,
        ref Utf8JsonReader reader,
        ReadOnlySpan<byte> utf8Json,
        List<int> lineStarts,
        List<string> path,
        Stack<int> arrayIndex,
        Stack<bool> containers,
        ref string? pendingProperty)
    {
        if (containers.Count == 0)
        {
            path.Add(string.Empty);
        }
        else if (containers.Peek())
        {
            var index = arrayIndex.Pop();
            arrayIndex.Push(index + 1);
            path.Add(index.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        else
        {
            path.Add(Escape(pendingProperty ?? string.Empty));
            pendingProperty = null;
        }

        var offset = (int)reader.TokenStartIndex;
        var line = UpperBound(lineStarts, offset);
        var column = Encoding.UTF8.GetCharCount(utf8Json[lineStarts[line - 1]..offset]) + 1;
        var pointer = path.Count == 1 ? string.Empty : string.Join('/', path);
        map._positions.TryAdd(pointer, (line, column));
    }

    private static int UpperBound(List<int> lineStarts, int offset)
    {
        var index = lineStarts.BinarySearch(offset);
        return index >= 0 ? index + 1 : ~index;
    }

    /// <summary>Escapes one reference token per RFC 6901.</summary>
    public static string Escape(string token) => token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    /// <summary>The position of the value at <paramref name="pointer"/>, or of its nearest ancestor that has one.</summary>
    public (int Line, int Column) Find(string pointer)
    {
        var current = pointer;
        while (true)
        {
            if (_positions.TryGetValue(current, out var position))
            {
                return position;
            }

            if (current.Length == 0)
            {
                return (0, 0);
            }

            var slash = current.LastIndexOf('/');
            current = slash <= 0 ? string.Empty : current[..slash];
        }
    }
}
