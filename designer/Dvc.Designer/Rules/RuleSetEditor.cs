using System.Text.Json.Nodes;

namespace Dvc.Designer.Rules;

/// <summary>
/// Operations on rules.json (RulesEngine workflows) for the rule builders: the three workflows with a meaning
/// (eligibility, fees, checklist), their rules, each rule's expression and its localized texts.
/// </summary>
public sealed class RuleSetEditor(JsonArray rules)
{
    public const string Eligibility = "eligibility";
    public const string Fees = "fees";
    public const string Checklist = "checklist";

    /// <summary>The key of a workflow's rule list in the RulesEngine format.</summary>
    private const string RulesKey = "Rules";

    public JsonArray Rules { get; } = rules;

    public IReadOnlyList<JsonObject> RulesOf(string workflow) =>
        Find(workflow)?[RulesKey] is JsonArray list ? [.. list.OfType<JsonObject>()] : [];

    public JsonObject? Rule(string workflow, string name) =>
        RulesOf(workflow).FirstOrDefault(r => r["RuleName"]?.ToString() == name);

    /// <summary>Adds a rule with a unique name made from <paramref name="label"/>; returns its name.</summary>
    public string Add(string workflow, string label)
    {
        var list = Workflow(workflow)[RulesKey] as JsonArray ?? throw new InvalidOperationException();
        var name = Forms.FieldNames.Unique(Forms.FieldNames.Kebab(label, "quy-tac"), AllNames());
        var rule = new JsonObject
        {
            ["RuleName"] = name,
            ["RuleExpressionType"] = "LambdaExpression",
            ["Expression"] = "true",
            ["Properties"] = workflow switch
            {
                Eligibility => new JsonObject { ["reason"] = new JsonObject { ["vi"] = label, ["en"] = "" } },
                Fees => new JsonObject { ["amount"] = 0, ["label"] = new JsonObject { ["vi"] = label, ["en"] = "" } },
                Checklist => new JsonObject { ["attachment"] = "" },
                _ => new JsonObject(),
            },
        };
        list.Add(rule);
        return name;
    }

    /// <summary>Removes a rule, and its workflow when it was the last one (RulesEngine refuses an empty workflow).</summary>
    public void Remove(string workflow, string name)
    {
        if (Find(workflow) is { } found && found[RulesKey] is JsonArray list)
        {
            for (var i = list.Count - 1; i >= 0; i--)
            {
                if (list[i]?["RuleName"]?.ToString() == name)
                {
                    list.RemoveAt(i);
                }
            }

            if (list.Count == 0)
            {
                Rules.Remove(found);
            }
        }
    }

    public static string Expression(JsonObject rule) => rule["Expression"]?.ToString() ?? "";

    public static void SetExpression(JsonObject rule, string expression) => rule["Expression"] = expression;

    public static JsonObject Properties(JsonObject rule) => rule["Properties"] as JsonObject ?? (JsonObject)(rule["Properties"] = new JsonObject());

    public static (string Vi, string En) Text(JsonObject rule, string key)
    {
        var text = rule["Properties"]?[key];
        return (text?["vi"]?.ToString() ?? "", text?["en"]?.ToString() ?? "");
    }

    /// <summary>Sets a localized property (reason, label, note, title); blank removes an optional one.</summary>
    public static void SetText(JsonObject rule, string key, string vi, string en)
    {
        var props = Properties(rule);
        if (string.IsNullOrWhiteSpace(vi) && string.IsNullOrWhiteSpace(en) && key is "note" or "title")
        {
            props.Remove(key);
            return;
        }

        props[key] = new JsonObject { ["vi"] = vi.Trim(), ["en"] = en.Trim() };
    }

    /// <summary>Renames a rule (test cases name failed rules, so the problems panel reports the ones to update).</summary>
    public bool Rename(string workflow, string name, string newName)
    {
        if (Rule(workflow, name) is not { } rule || string.IsNullOrWhiteSpace(newName) || AllNames().Contains(newName))
        {
            return false;
        }

        rule["RuleName"] = newName.Trim();
        return true;
    }

    private HashSet<string> AllNames() =>
        [.. Rules.OfType<JsonObject>().SelectMany(w => (w[RulesKey] as JsonArray ?? []).OfType<JsonObject>()).Select(r => r["RuleName"]?.ToString() ?? "")];

    private JsonObject? Find(string workflow) =>
        Rules.OfType<JsonObject>().FirstOrDefault(w => w["WorkflowName"]?.ToString() == workflow);

    private JsonObject Workflow(string workflow)
    {
        if (Find(workflow) is { } existing)
        {
            existing[RulesKey] ??= new JsonArray();
            return existing;
        }

        var created = new JsonObject { ["WorkflowName"] = workflow, [RulesKey] = new JsonArray() };
        Rules.Add(created);
        return created;
    }
}
