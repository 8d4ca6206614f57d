using System.Globalization;
using System.Text.Json.Nodes;
using Dvc.Engine.Core.Definitions;
using Dvc.Engine.Persistence.Dossiers;

namespace Dvc.Engine.Server.Dossiers;

/// <summary>
/// One decision on the dossier — at submission, or again after a supplement corrected the data — with the fee lines
/// and every rule that ran. The latest one stands; the earlier ones stay in the history.
/// </summary>
internal sealed record DecisionView(DateTimeOffset At, bool AfterSupplement, long Fee, IReadOnlyList<FeeLine> FeeLines, IReadOnlyList<RuleTraceLine> Rules)
{
    /// <summary>
    /// Reads the decision an event stored (see <c>DossierService.DecisionJson</c>); null when the event holds none.
    /// <paramref name="filedUnder"/> is the version the dossier runs on, whose rules name themselves.
    /// </summary>
    public static DecisionView? From(DossierEventRecord e, CompiledProcedure? filedUnder, CultureInfo culture)
    {
        if (e.DataJson is null || JsonNode.Parse(e.DataJson) is not JsonObject data || data["rules"] is not JsonArray rules)
        {
            return null;
        }

        var traced = (data["trace"]?["rules"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        var lines = new List<RuleTraceLine>();
        foreach (var r in rules.OfType<JsonObject>())
        {
            var workflow = r["workflow"]?.GetValue<string>() ?? "";
            var rule = r["rule"]?.GetValue<string>() ?? "";
            var trace = traced.FirstOrDefault(t => t["workflow"]?.GetValue<string>() == workflow && t["rule"]?.GetValue<string>() == rule);
            var inputs = (trace?["inputs"] as JsonObject ?? []).Select(i => new KeyValuePair<string, JsonNode?>(i.Key, i.Value?.DeepClone())).ToList();
            long? amount = workflow == "fees" && trace?["output"] is JsonValue output && output.TryGetValue<decimal>(out var money) ? (long)money : null;
            lines.Add(new RuleTraceLine(
                workflow,
                rule,
                filedUnder?.RuleTitle(workflow, rule) ?? LocalizedText.Both(rule),
                r["passed"]?.GetValue<bool>() ?? false,
                r["message"]?.GetValue<string>(),
                inputs,
                amount));
        }

        var feeLines = (data["feeLines"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Select(l => new FeeLine(LocalizedText.From(l["label"])?.Get(culture) ?? "", l["amount"]?.GetValue<long>() ?? 0))
            .ToList();
        return new DecisionView(e.At, e.Kind != "Submitted", data["fee"]?.GetValue<long>() ?? 0, feeLines, lines);
    }
}
