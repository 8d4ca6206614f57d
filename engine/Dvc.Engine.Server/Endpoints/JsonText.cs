using System.Text.Json;
using System.Text.Json.Nodes;
using Dvc.Engine.Core.Definitions;

namespace Dvc.Engine.Server.Endpoints;

/// <summary>
/// A <see cref="JsonObject"/> bound from a request keeps its members as raw UTF-8 until first read, so invalid UTF-8,
/// an escaped lone surrogate (<c>"\ud800"</c>) or a member named twice only failed deep inside validation or storage,
/// as a 500. Reading every name and string once at the edge turns that into a field error where the fault is.
/// </summary>
internal static class JsonText
{
    /// <summary>
    /// The first string or property name that is not valid Unicode text, or object with a member named twice: its
    /// JSON pointer and the PortalText key of the message; null when the tree reads cleanly.
    /// </summary>
    public static (string Pointer, string MessageKey)? FirstInvalid(JsonNode? node, string pointer)
    {
        switch (node)
        {
            case JsonObject o:
                List<KeyValuePair<string, JsonNode?>> members;
                try
                {
                    // Enumerating materialises the names: an unreadable name or a repeated one fails here, at its object.
                    members = [.. o];
                }
                catch (InvalidOperationException)
                {
                    return (pointer, "api.invalidText");
                }
                catch (ArgumentException)
                {
                    return (pointer, "api.duplicateMember");
                }

                foreach (var (name, value) in members)
                {
                    if (FirstInvalid(value, JsonPointer.Append(pointer, name)) is { } bad)
                    {
                        return bad;
                    }
                }

                return null;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    if (FirstInvalid(a[i], JsonPointer.Append(pointer, i)) is { } bad)
                    {
                        return bad;
                    }
                }

                return null;
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                try
                {
                    _ = v.GetValue<string>();
                    return null;
                }
                catch (InvalidOperationException)
                {
                    return (pointer, "api.invalidText");
                }

            default:
                return null;
        }
    }

    /// <summary>
    /// <c>$.data.applicant['full name'][0]</c> (System.Text.Json's path) as the JSON pointer
    /// <c>/data/applicant/full name/0</c>, the key our field errors use.
    /// </summary>
    public static string ToPointer(string path)
    {
        var tokens = new List<string>();
        var i = path.StartsWith('$') ? 1 : 0;
        while (i < path.Length)
        {
            int end;
            if (path[i] == '.')
            {
                end = path.IndexOfAny(['.', '['], i + 1) is var next and >= 0 ? next : path.Length;
                tokens.Add(path[(i + 1)..end]);
            }
            else if (path.AsSpan(i).StartsWith("['"))
            {
                end = path.IndexOf("']", i + 2, StringComparison.Ordinal) is var close and >= 0 ? close + 2 : path.Length;
                tokens.Add(path[(i + 2)..Math.Max(i + 2, end - 2)]);
            }
            else
            {
                end = path.IndexOf(']', i) is var close and >= 0 ? close + 1 : path.Length;
                tokens.Add(path[(i + 1)..Math.Max(i + 1, end - 1)]);
            }

            i = end;
        }

        return JsonPointer.FromTokens(tokens);
    }
}
