using System.Text.Json.Nodes;
using DiffPlex;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Dvc.Designer.Drafts;
using Dvc.Designer.Rules;

namespace Dvc.Designer.Versions;

public enum DiffArea
{
    General,
    Fields,
    Rules,
    Fees,
    Workflow,
    Templates,
    Tests,
    Layout,
}

public enum DiffKind
{
    Added,
    Removed,
    Changed,
}

/// <summary>One readable change: "Field “Ngày sinh”: label changed from … to …".</summary>
public sealed record DiffLine(DiffArea Area, DiffKind Kind, string Element, string Detail);

/// <summary>
/// The changes between two versions of a procedure folder, by what an admin recognises: fields (by path), rules and
/// fee lines (by name), workflow steps (by id), templates (by line), general information; layout-only workflow changes
/// in their own area.
/// </summary>
public static class VersionDiff
{
    public static IReadOnlyList<DiffLine> Compare(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after)
    {
        var lines = new List<DiffLine>();
        var a = ProcedureDocument.Load("", before);
        var b = ProcedureDocument.Load("", after);

        CompareObjects(DiffArea.General, "", Without(a.Manifest, "parts"), Without(b.Manifest, "parts"), lines, depth: 1);
        CompareFields(a.Form, b.Form, lines);
        CompareRules(a.Rules, b.Rules, lines);
        CompareWorkflow(a.Text(a.WorkflowFile), b.Text(b.WorkflowFile), lines);
        foreach (var file in before.Keys.Union(after.Keys).Where(f => f.EndsWith(".sbn", StringComparison.Ordinal) || f.StartsWith(b.TestsFolder + "/", StringComparison.Ordinal)).Distinct().Order(StringComparer.Ordinal))
        {
            var area = file.EndsWith(".sbn", StringComparison.Ordinal) ? DiffArea.Templates : DiffArea.Tests;
            var x = before.GetValueOrDefault(file);
            var y = after.GetValueOrDefault(file);
            if (x == y)
            {
                continue;
            }

            if (x is null || y is null)
            {
                lines.Add(new DiffLine(area, x is null ? DiffKind.Added : DiffKind.Removed, file, ""));
                continue;
            }

            var diff = InlineDiffBuilder.Diff(x, y, ignoreWhiteSpace: false);
            var changed = diff.Lines.Where(l => l.Type is ChangeType.Inserted or ChangeType.Deleted).Take(12)
                .Select(l => (l.Type == ChangeType.Inserted ? "+ " : "− ") + l.Text.Trim());
            lines.Add(new DiffLine(area, DiffKind.Changed, file, string.Join("\n", changed)));
        }

        return lines;
    }

    private static void CompareFields(JsonObject? a, JsonObject? b, List<DiffLine> lines)
    {
        var x = Fields(a);
        var y = Fields(b);
        foreach (var path in x.Keys.Union(y.Keys).Distinct().Order(StringComparer.Ordinal))
        {
            var (fa, la) = x.GetValueOrDefault(path);
            var (fb, lb) = y.GetValueOrDefault(path);
            if (fa is null)
            {
                lines.Add(new DiffLine(DiffArea.Fields, DiffKind.Added, lb ?? path, path));
            }
            else if (fb is null)
            {
                lines.Add(new DiffLine(DiffArea.Fields, DiffKind.Removed, la ?? path, path));
            }
            else
            {
                CompareObjects(DiffArea.Fields, lb ?? path, fa, fb, lines, depth: 3);
            }
        }

        if (!JsonNode.DeepEquals(a?["required"], b?["required"]) || !JsonNode.DeepEquals(a?["x-ui"]?["sections"], b?["x-ui"]?["sections"]))
        {
            CompareObjects(DiffArea.Fields, "", Pick(a), Pick(b), lines, depth: 2);
        }

        static JsonObject Pick(JsonObject? form) => new() { ["required"] = form?["required"]?.DeepClone(), ["sections"] = form?["x-ui"]?["sections"]?.DeepClone() };
    }

    /// <summary>Every field by path, without its sub-fields (they are listed on their own).</summary>
    private static Dictionary<string, (JsonObject Field, string Label)> Fields(JsonObject? form)
    {
        var result = new Dictionary<string, (JsonObject, string)>(StringComparer.Ordinal);
        void Walk(JsonObject container, string path)
        {
            foreach (var (name, value) in container["properties"] as JsonObject ?? [])
            {
                if (value is not JsonObject field)
                {
                    continue;
                }

                var fieldPath = path.Length == 0 ? name : path + "/" + name;
                var own = (JsonObject)field.DeepClone();
                own.Remove("properties");
                own.Remove("items");
                result[fieldPath] = (own, field["x-ui"]?["label"]?["vi"]?.ToString() ?? name);
                Walk(field, fieldPath);
                if (field["items"] is JsonObject items)
                {
                    Walk(items, fieldPath + "/*");
                }
            }
        }

        if (form is not null)
        {
            Walk(form, "");
        }

        return result;
    }

    private static void CompareRules(JsonArray? a, JsonArray? b, List<DiffLine> lines)
    {
        var x = Rules(a);
        var y = Rules(b);
        foreach (var key in x.Keys.Union(y.Keys).Distinct().Order(StringComparer.Ordinal))
        {
            var area = key.StartsWith(RuleSetEditor.Fees + "/", StringComparison.Ordinal) ? DiffArea.Fees : DiffArea.Rules;
            var name = key[(key.IndexOf('/', StringComparison.Ordinal) + 1)..];
            var ra = x.GetValueOrDefault(key);
            var rb = y.GetValueOrDefault(key);
            if (ra is null || rb is null)
            {
                lines.Add(new DiffLine(area, ra is null ? DiffKind.Added : DiffKind.Removed, name, ProcedureFiles.WriteCompact((rb ?? ra)?["Expression"])));
            }
            else
            {
                CompareObjects(area, name, ra, rb, lines, depth: 3);
            }
        }
    }

    private static Dictionary<string, JsonObject> Rules(JsonArray? rules) =>
        (rules ?? []).OfType<JsonObject>()
            .SelectMany(w => (w["Rules"] as JsonArray ?? []).OfType<JsonObject>().Select(r => (Key: w["WorkflowName"] + "/" + r["RuleName"], Rule: r)))
            .GroupBy(r => r.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Rule, StringComparer.Ordinal);

    private static void CompareWorkflow(string? a, string? b, List<DiffLine> lines)
    {
        if (a == b)
        {
            return;
        }

        if (WorkflowLayout.OnlyLayoutDiffers(a, b))
        {
            lines.Add(new DiffLine(DiffArea.Layout, DiffKind.Changed, "workflow", ""));
            return;
        }

        var x = Activities(WorkflowLayout.Strip(ProcedureFiles.TryParse(a)));
        var y = Activities(WorkflowLayout.Strip(ProcedureFiles.TryParse(b)));
        foreach (var id in x.Keys.Union(y.Keys).Distinct().Order(StringComparer.Ordinal))
        {
            var na = x.GetValueOrDefault(id);
            var nb = y.GetValueOrDefault(id);
            if (na is null || nb is null)
            {
                lines.Add(new DiffLine(DiffArea.Workflow, na is null ? DiffKind.Added : DiffKind.Removed, id, (nb ?? na)?["type"]?.ToString() ?? ""));
            }
            else
            {
                CompareObjects(DiffArea.Workflow, id, na, nb, lines, depth: 2);
            }
        }

        var ca = Connections(ProcedureFiles.TryParse(a));
        var cb = Connections(ProcedureFiles.TryParse(b));
        foreach (var added in cb.Except(ca))
        {
            lines.Add(new DiffLine(DiffArea.Workflow, DiffKind.Added, added, ""));
        }

        foreach (var removed in ca.Except(cb))
        {
            lines.Add(new DiffLine(DiffArea.Workflow, DiffKind.Removed, removed, ""));
        }
    }

    private static Dictionary<string, JsonObject> Activities(JsonNode? workflow) =>
        (workflow?["root"]?["activities"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(n => n["id"] is not null)
            .GroupBy(n => n["id"]!.ToString(), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    private static HashSet<string> Connections(JsonNode? workflow) =>
        [.. (workflow?["root"]?["connections"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(c => $"{c["source"]?["activity"]}:{c["source"]?["port"]} → {c["target"]?["activity"]}")];

    /// <summary>Key-by-key changes down to <paramref name="depth"/> levels; deeper values are shown whole.</summary>
    private static void CompareObjects(DiffArea area, string element, JsonNode? a, JsonNode? b, List<DiffLine> lines, int depth, string at = "")
    {
        if (JsonNode.DeepEquals(a, b))
        {
            return;
        }

        if (depth > 0 && a is JsonObject oa && b is JsonObject ob)
        {
            foreach (var key in oa.Select(p => p.Key).Union(ob.Select(p => p.Key)).Distinct())
            {
                CompareObjects(area, element, oa[key], ob[key], lines, depth - 1, at.Length == 0 ? key : at + "." + key);
            }

            return;
        }

        var kind = a is null ? DiffKind.Added : b is null ? DiffKind.Removed : DiffKind.Changed;
        lines.Add(new DiffLine(area, kind, element, $"{at}: {Short(a)} → {Short(b)}"));
    }

    private static string Short(JsonNode? node)
    {
        var text = node is JsonValue v && v.TryGetValue<string>(out var s) ? s : ProcedureFiles.WriteCompact(node);
        return text.Length > 160 ? text[..157] + "…" : text;
    }

    private static JsonObject? Without(JsonObject? obj, string key)
    {
        if (obj?.DeepClone() is not JsonObject copy)
        {
            return null;
        }

        copy.Remove(key);
        return copy;
    }
}
