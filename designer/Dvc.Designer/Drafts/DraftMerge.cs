using System.Text.Json.Nodes;

namespace Dvc.Designer.Drafts;

/// <summary>
/// Three-way merge of two edits of one draft (the revision both started from, mine, theirs), so a conflict costs the
/// admin only the places both changed. JSON files merge key by key, and arrays of named items (rules by
/// <c>RuleName</c>, rule workflows by <c>WorkflowName</c>, attachments and activities by <c>id</c>) item by item;
/// other files merge whole. Where both changed the same thing differently, mine is kept and the place is reported.
/// </summary>
public static class DraftMerge
{
    private static readonly string[] ItemKeys = ["RuleName", "WorkflowName", "id"];

    public sealed record Result(SortedDictionary<string, string> Files, IReadOnlyList<string> Conflicts);

    public static Result Merge(IReadOnlyDictionary<string, string> @base, IReadOnlyDictionary<string, string> mine, IReadOnlyDictionary<string, string> theirs)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var conflicts = new List<string>();
        foreach (var path in mine.Keys.Union(theirs.Keys).Union(@base.Keys).Distinct(StringComparer.Ordinal))
        {
            var b = @base.GetValueOrDefault(path);
            var m = mine.GetValueOrDefault(path);
            var t = theirs.GetValueOrDefault(path);
            string? merged;
            if (m == t)
            {
                merged = m;
            }
            else if (m == b)
            {
                merged = t;
            }
            else if (t == b)
            {
                merged = m;
            }
            else if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
                && ProcedureFiles.TryParse(m) is { } mj && ProcedureFiles.TryParse(t) is { } tj)
            {
                var node = Merge3(ProcedureFiles.TryParse(b), true, mj, true, tj, true, path + "#", conflicts, out _);
                merged = ProcedureFiles.Write(node);
            }
            else
            {
                conflicts.Add(path);
                merged = m;
            }

            if (merged is not null)
            {
                files[path] = merged;
            }
        }

        return new Result(files, conflicts);
    }

    private static JsonNode? Merge3(JsonNode? b, bool hasB, JsonNode? m, bool hasM, JsonNode? t, bool hasT, string at, List<string> conflicts, out bool present)
    {
        present = true;
        if (hasM == hasT && JsonNode.DeepEquals(m, t))
        {
            present = hasM;
            return m?.DeepClone();
        }

        if (hasM == hasB && JsonNode.DeepEquals(m, b))
        {
            present = hasT;
            return t?.DeepClone();
        }

        if (hasT == hasB && JsonNode.DeepEquals(t, b))
        {
            present = hasM;
            return m?.DeepClone();
        }

        if (m is JsonObject mo && t is JsonObject to)
        {
            var bo = b as JsonObject;
            var result = new JsonObject();
            foreach (var key in to.Select(p => p.Key).Concat(mo.Select(p => p.Key)).Distinct(StringComparer.Ordinal))
            {
                var value = Merge3(
                    bo?[key], bo?.ContainsKey(key) == true,
                    mo[key], mo.ContainsKey(key),
                    to[key], to.ContainsKey(key),
                    at + "/" + key, conflicts, out var keep);
                if (keep)
                {
                    result[key] = value;
                }
            }

            return result;
        }

        if (m is JsonArray ma && t is JsonArray ta && KeyOf(ma) is { } key2 && KeyOf(ta) == key2)
        {
            var ba = b as JsonArray;
            var result = new JsonArray();
            var mineById = ma.OfType<JsonObject>().ToDictionary(i => Id(i, key2)!, StringComparer.Ordinal);
            var baseById = (ba ?? []).OfType<JsonObject>().Where(i => Id(i, key2) is not null).ToDictionary(i => Id(i, key2)!, StringComparer.Ordinal);
            var ids = ta.OfType<JsonObject>().Select(i => Id(i, key2)!).Concat(mineById.Keys).Distinct(StringComparer.Ordinal);
            var theirsById = ta.OfType<JsonObject>().ToDictionary(i => Id(i, key2)!, StringComparer.Ordinal);
            foreach (var id in ids)
            {
                var value = Merge3(
                    baseById.GetValueOrDefault(id), baseById.ContainsKey(id),
                    mineById.GetValueOrDefault(id), mineById.ContainsKey(id),
                    theirsById.GetValueOrDefault(id), theirsById.ContainsKey(id),
                    at + "/" + id, conflicts, out var keep);
                if (keep)
                {
                    result.Add(value);
                }
            }

            return result;
        }

        conflicts.Add(at);
        present = hasM;
        return m?.DeepClone();
    }

    /// <summary>The key naming the items of an array of objects, when every item has a distinct one.</summary>
    private static string? KeyOf(JsonArray array)
    {
        if (array.Count == 0 || array.Any(i => i is not JsonObject))
        {
            return null;
        }

        foreach (var key in ItemKeys)
        {
            var ids = array.Select(i => Id((JsonObject)i!, key)).ToList();
            if (ids.All(id => id is not null) && ids.Distinct(StringComparer.Ordinal).Count() == ids.Count)
            {
                return key;
            }
        }

        return null;
    }

    private static string? Id(JsonObject item, string key) => item[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
