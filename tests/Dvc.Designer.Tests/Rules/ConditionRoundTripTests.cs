using System.Text.Json.Nodes;
using Dvc.Designer.Rules;
using Dvc.Designer.Tests.Infrastructure;

namespace Dvc.Designer.Tests.Rules;

/// <summary>Expression → builder → the same expression; what the builder cannot show stays text.</summary>
public sealed class ConditionRoundTripTests
{
    [Theory]
    [InlineData("input.applicant.sex == \"nam\"")]
    [InlineData("Dvc.Age(input.applicant.birthDate, ctx.SubmittedOn) >= 18")]
    [InlineData("input.children.Sum(x => x.amount ?? 0) == 3")]
    [InlineData("Dvc.Count(input.children) <= 10")]
    [InlineData("input.spouseName == null")]
    [InlineData("input.spouseName != null")]
    [InlineData("input.purpose == \"a\" || input.purpose == \"b\"")]
    [InlineData("input.copies >= 2 && (input.purpose == \"a\" || input.purpose == \"b\")")]
    [InlineData("(input.sex == \"nam\" && Dvc.Age(input.birthDate, ctx.SubmittedOn) >= 20) || (input.sex == \"nu\" && Dvc.Age(input.birthDate, ctx.SubmittedOn) >= 18)")]
    [InlineData("!(input.feeExemption == \"ho-ngheo\")")]
    [InlineData("input.byProxy == true && !(input.a == \"x\" || input.b != null)")]
    [InlineData("input.note == \"nói \\\"không\\\"\"")]
    [InlineData("true")]
    public void A_builder_expression_reads_back_and_writes_the_same_text(string expression)
    {
        var condition = ConditionParser.TryParse(expression);

        Assert.NotNull(condition);
        Assert.Equal(expression, ConditionWriter.Write(condition));
    }

    [Theory]
    [InlineData("input.a.Contains(\"x\")")]
    [InlineData("input.a == 1 || input.b == 2 && input.c == 3")]
    [InlineData("(input.a == 1)")]
    [InlineData("DateTime.Now.Year > 2000")]
    [InlineData("input.a ==")]
    public void An_expression_the_builder_cannot_show_stays_text(string expression)
    {
        Assert.Null(ConditionParser.TryParse(expression));
    }

    [Fact]
    public void A_condition_built_in_the_builder_writes_the_expression_the_engine_runs()
    {
        var condition = new ConditionGroup(GroupKind.All,
        [
            new AgeComparison("applicant/birthDate", ">=", 18),
            new ConditionGroup(GroupKind.Any, [new FieldComparison("purpose", "==", JsonValue.Create("khac")), new Blankness("note", Blank: false)]),
            new ConditionGroup(GroupKind.None, [new OneOf("feeExemption", [JsonValue.Create("ho-ngheo"), JsonValue.Create("khuyet-tat")])]),
        ]);

        Assert.Equal(
            "Dvc.Age(input.applicant.birthDate, ctx.SubmittedOn) >= 18 && (input.purpose == \"khac\" || input.note != null) && !(input.feeExemption == \"ho-ngheo\" || input.feeExemption == \"khuyet-tat\")",
            ConditionWriter.Write(condition));
    }

    [Fact]
    public void Every_shipped_rule_either_round_trips_through_the_builder_or_stays_text()
    {
        var shown = 0;
        foreach (var code in Definitions.Codes)
        {
            foreach (var rule in JsonNode.Parse(Definitions.Procedure(code)["rules.json"])!.AsArray().SelectMany(w => w!["Rules"]!.AsArray()))
            {
                var expression = rule!["Expression"]!.GetValue<string>();
                if (ConditionParser.TryParse(expression) is { } condition)
                {
                    shown++;
                    Assert.Equal(ConditionParser.Squash(expression), ConditionParser.Squash(ConditionWriter.Write(condition)));
                }
            }
        }

        Assert.True(shown >= 10, $"Only {shown} shipped rules show in the builder.");
    }
}
