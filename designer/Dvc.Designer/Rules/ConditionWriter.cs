using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Dvc.Designer.Rules;

/// <summary>
/// Writes a <see cref="Condition"/> as a RulesEngine (System.Linq.Dynamic.Core) lambda body over <c>input</c> and
/// <c>ctx</c>, in one canonical spelling: single spaces around operators, an "and" inside an "or" in parentheses.
/// </summary>
public static class ConditionWriter
{
    public static string Write(Condition condition) => Write(condition, Context.Top);

    /// <summary><c>input.a.b</c> for the field path <c>a/b</c>.</summary>
    public static string Field(string path) => "input." + path.Replace('/', '.');

    public static string Literal(JsonNode? value) => value switch
    {
        null => "null",
        JsonValue v when v.TryGetValue<bool>(out var b) => b ? "true" : "false",
        JsonValue v when v.TryGetValue<string>(out var s) => Quote(s),
        JsonValue v when v.TryGetValue<decimal>(out var d) => d.ToString(CultureInfo.InvariantCulture),
        _ => value.ToJsonString(),
    };

    private enum Context
    {
        Top,
        InAnd,
        InOr,
        InNot,
    }

    private static string Write(Condition condition, Context context) => condition switch
    {
        Always => "true",
        FieldComparison c => $"{Field(c.Field)} {c.Operator} {Literal(c.Value)}",
        AgeComparison a => $"Dvc.Age({Field(a.Field)}, ctx.SubmittedOn) {a.Operator} {a.Years.ToString(CultureInfo.InvariantCulture)}",
        ColumnSum s => $"{Field(s.List)}.Sum(x => x.{s.Column.Replace('/', '.')} ?? 0) {s.Operator} {s.Value.ToString(CultureInfo.InvariantCulture)}",
        ItemCount n => $"Dvc.Count({Field(n.List)}) {n.Operator} {n.Value.ToString(CultureInfo.InvariantCulture)}",
        Blankness b => $"{Field(b.Field)} {(b.Blank ? "==" : "!=")} null",
        OneOf o when o.Values.Count == 1 => $"{Field(o.Field)} == {Literal(o.Values[0])}",
        OneOf o => Wrap(string.Join(" || ", o.Values.Select(v => $"{Field(o.Field)} == {Literal(v)}")), context == Context.InAnd),
        ConditionGroup { Items.Count: 0, Kind: not GroupKind.None } => "true",
        ConditionGroup { Kind: GroupKind.None } g => "!(" + (g.Items.Count == 1 ? Write(g.Items[0], Context.InNot) : string.Join(" || ", g.Items.Select(i => Write(i, Context.InOr)))) + ")",
        ConditionGroup { Items.Count: 1 } g => Write(g.Items[0], context),
        ConditionGroup { Kind: GroupKind.All } g => Wrap(string.Join(" && ", g.Items.Select(i => Write(i, Context.InAnd))), context == Context.InOr),
        ConditionGroup g => Wrap(string.Join(" || ", g.Items.Select(i => Write(i, Context.InOr))), context == Context.InAnd),
        _ => throw new ArgumentOutOfRangeException(nameof(condition), condition.GetType().Name),
    };

    private static string Wrap(string text, bool wrap) => wrap ? "(" + text + ")" : text;

    private static string Quote(string text)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ => c.ToString(),
            });
        }

        return builder.Append('"').ToString();
    }
}
