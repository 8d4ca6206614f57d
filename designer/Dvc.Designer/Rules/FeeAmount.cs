using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Dvc.Designer.Rules;

/// <summary>
/// The amount of a fee line as the fee table shows it, read from and written to a <c>fees</c> rule's
/// <c>Properties.amount</c>: a fixed amount, "N đ per unit beyond K", effective-dated rates, an entry of the shared fee
/// schedule, or an expression kept as text.
/// </summary>
public abstract partial record FeeAmount
{
    public const string SchedulePrefix = "../../shared/fee-schedule.json#/fees/";

    public static FeeAmount Read(JsonNode? amount)
    {
        switch (amount)
        {
            case JsonValue when Drafts.JsonNumber.Read(amount) is { } d && d == decimal.Truncate(d):
                return new FixedFee((long)d);
            case JsonValue v when v.TryGetValue<string>(out var text):
                var match = PerUnitPattern().Match(ConditionParser.Squash(text));
                return match.Success && match.Groups["f1"].Value == match.Groups["f2"].Value && match.Groups["k1"].Value == match.Groups["k2"].Value
                    ? new PerUnitFee(long.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture), match.Groups["f1"].Value.Replace('.', '/'), long.Parse(match.Groups["k1"].Value, CultureInfo.InvariantCulture))
                    : new ExpressionFee(text);
            case JsonObject o when o["$ref"]?.ToString() is { } reference && reference.StartsWith(SchedulePrefix, StringComparison.Ordinal) && reference.EndsWith("/amount", StringComparison.Ordinal):
                return new ScheduleFee(reference[SchedulePrefix.Length..^"/amount".Length]);
            case JsonObject o when o.ContainsKey("amount"):
                return DatedOrText(new JsonArray(o.DeepClone()));
            case JsonArray a:
                return DatedOrText(a);
            default:
                return new ExpressionFee(amount?.ToJsonString() ?? "0");
        }
    }

    public abstract JsonNode? Write();

    private static FeeAmount DatedOrText(JsonArray rows)
    {
        var list = new List<DatedRate>();
        foreach (var row in rows)
        {
            if (row is not JsonObject o || Drafts.JsonNumber.Read(o["amount"]) is not { } amount)
            {
                return new ExpressionFee(rows.ToJsonString());
            }

            list.Add(new DatedRate((long)amount, o["validFrom"]?.ToString(), o["validTo"]?.ToString()));
        }

        return new DatedFee(list);
    }

    [GeneratedRegex(@"^(?<n>\d+)\*\(\(input\.(?<f1>[A-Za-z0-9_.]+)\?\?0\)>(?<k1>\d+)\?\(input\.(?<f2>[A-Za-z0-9_.]+)\?\?0\)-(?<k2>\d+):0\)$")]
    private static partial Regex PerUnitPattern();
}

public sealed record FixedFee(long Amount) : FeeAmount
{
    public override JsonNode? Write() => JsonValue.Create(Amount);
}

/// <summary>N đ for each unit of <see cref="Field"/> beyond the first <see cref="Free"/> (0: from the first).</summary>
public sealed record PerUnitFee(long PerUnit, string Field, long Free) : FeeAmount
{
    public override JsonNode? Write()
    {
        var field = ConditionWriter.Field(Field);
        var free = Free.ToString(CultureInfo.InvariantCulture);
        return JsonValue.Create($"{PerUnit.ToString(CultureInfo.InvariantCulture)} * (({field} ?? 0) > {free} ? ({field} ?? 0) - {free} : 0)");
    }
}

public sealed record DatedRate(long Amount, string? ValidFrom, string? ValidTo);

/// <summary>Rates that change by decree on a date; the one valid on the submission date applies.</summary>
public sealed record DatedFee(IReadOnlyList<DatedRate> Rates) : FeeAmount
{
    public override JsonNode? Write() => new JsonArray([.. Rates.Select(r => (JsonNode?)new JsonObject
    {
        ["amount"] = r.Amount,
        ["validFrom"] = string.IsNullOrWhiteSpace(r.ValidFrom) ? null : r.ValidFrom,
        ["validTo"] = string.IsNullOrWhiteSpace(r.ValidTo) ? null : r.ValidTo,
    })]);
}

/// <summary>An entry of <c>shared/fee-schedule.json</c>, used whole: one edit there changes every procedure using it.</summary>
public sealed record ScheduleFee(string EntryId) : FeeAmount
{
    public override JsonNode? Write() => new JsonObject { ["$ref"] = SchedulePrefix + EntryId + "/amount" };
}

public sealed record ExpressionFee(string Text) : FeeAmount
{
    public override JsonNode? Write() => ProcedureFilesJson.ParseOrString(Text);
}

file static class ProcedureFilesJson
{
    public static JsonNode? ParseOrString(string text) =>
        Drafts.ProcedureFiles.TryParse(text) is { } node && node is not JsonValue { } ? node : decimal.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var d) ? JsonValue.Create((long)d) : JsonValue.Create(text);
}
