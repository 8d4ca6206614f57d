using System.Text.Json.Nodes;

namespace Dvc.Engine.Core.Rules;

/// <summary>
/// Reads rules.json keys the way RulesEngine's JSON readers do: case-insensitively, so <c>"context": {"expression": …}</c>
/// is found by the checker exactly where RulesEngine would find it. Every key of the RulesEngine model is read through here,
/// and the engine is given only what was read (and checked) here.
/// </summary>
internal static class RuleJson
{
    /// <summary>The value of <paramref name="name"/> in any letter case; null when absent or <paramref name="node"/> is no object.</summary>
    public static JsonNode? Get(JsonNode? node, string name)
    {
        if (node is not JsonObject obj)
        {
            return null;
        }

        foreach (var (key, value) in obj)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }

    public static bool Has(JsonNode? node, string name) =>
        node is JsonObject obj && obj.Any(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Pointers of objects with two keys that differ only in letter case (which one RulesEngine reads is not defined).</summary>
    public static IEnumerable<(string Pointer, string Key)> CaseDuplicates(JsonNode? node, string pointer = "")
    {
        switch (node)
        {
            case JsonObject obj:
                var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                foreach (var (key, value) in obj)
                {
                    if (!seen.Add(key))
                    {
                        yield return (pointer, key);
                    }

                    foreach (var found in CaseDuplicates(value, Definitions.JsonPointer.Append(pointer, key)))
                    {
                        yield return found;
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    foreach (var found in CaseDuplicates(array[i], Definitions.JsonPointer.Append(pointer, i)))
                    {
                        yield return found;
                    }
                }

                break;
        }
    }
}
