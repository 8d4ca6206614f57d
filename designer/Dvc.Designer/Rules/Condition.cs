using System.Text.Json.Nodes;

namespace Dvc.Designer.Rules;

/// <summary>
/// A rule condition as the builder shows it. <see cref="ConditionWriter"/> turns it into the RulesEngine expression the
/// engine runs and <see cref="ConditionParser"/> reads such an expression back; an expression the builder cannot show
/// stays text.
/// </summary>
public abstract record Condition;

/// <summary>All of, any of, or none of the conditions (<c>a &amp;&amp; b</c>, <c>a || b</c>, <c>!(a || b)</c>).</summary>
public sealed record ConditionGroup(GroupKind Kind, IReadOnlyList<Condition> Items) : Condition;

public enum GroupKind
{
    All,
    Any,
    None,
}

/// <summary>A field compared with a value: <c>input.applicant.sex == "nam"</c>, <c>input.copies &gt;= 2</c>.</summary>
public sealed record FieldComparison(string Field, string Operator, JsonNode? Value) : Condition;

/// <summary>Age on the submission date: <c>Dvc.Age(input.applicant.birthDate, ctx.SubmittedOn) &gt;= 18</c>.</summary>
public sealed record AgeComparison(string Field, string Operator, long Years) : Condition;

/// <summary>The sum of a column of a repeating group: <c>input.children.Sum(x =&gt; x.amount ?? 0) == 3</c>.</summary>
public sealed record ColumnSum(string List, string Column, string Operator, decimal Value) : Condition;

/// <summary>How many items a repeating group has: <c>Dvc.Count(input.children) &gt;= 1</c>.</summary>
public sealed record ItemCount(string List, string Operator, long Value) : Condition;

/// <summary>Blank (<c>input.x == null</c>) or not blank (<c>input.x != null</c>).</summary>
public sealed record Blankness(string Field, bool Blank) : Condition;

/// <summary>One of several values: <c>input.purpose == "a" || input.purpose == "b"</c>.</summary>
public sealed record OneOf(string Field, IReadOnlyList<JsonNode?> Values) : Condition;

/// <summary>Always true (a fee every applicant pays).</summary>
public sealed record Always : Condition;

public static class ConditionOperators
{
    public static readonly string[] All = ["==", "!=", ">", ">=", "<", "<="];
}
