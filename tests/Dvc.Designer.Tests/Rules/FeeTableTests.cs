using System.Text.Json.Nodes;
using Bunit;
using Dvc.Designer.Rules;
using Dvc.Designer.Tests.Infrastructure;

namespace Dvc.Designer.Tests.Rules;

public sealed class FeeTableTests
{
    public static TheoryData<string> Amounts =>
    [
        "15000",
        "\"8000 * ((input.copies ?? 0) > 1 ? (input.copies ?? 0) - 1 : 0)\"",
        """[{"amount":5000,"validFrom":null,"validTo":"2026-06-30"},{"amount":8000,"validFrom":"2026-07-01","validTo":null}]""",
        """{"$ref":"../../shared/fee-schedule.json#/fees/phi-ban-sao-trich-luc-ho-tich/amount"}""",
        "\"50000 * (input.copies ?? 1)\"",
    ];

    [Theory]
    [MemberData(nameof(Amounts))]
    public void Every_kind_of_amount_reads_and_writes_the_same_json(string json)
    {
        var amount = FeeAmount.Read(JsonNode.Parse(json));

        Assert.Equal(JsonNode.Parse(json)!.ToJsonString(), amount.Write()!.ToJsonString());
    }

    [Fact]
    public void The_amount_kinds_are_told_apart()
    {
        Assert.IsType<FixedFee>(FeeAmount.Read(JsonValue.Create(15000)));
        Assert.Equal(new PerUnitFee(8000, "copies", 1), FeeAmount.Read(JsonValue.Create("8000 * ((input.copies ?? 0) > 1 ? (input.copies ?? 0) - 1 : 0)")));
        Assert.IsType<DatedFee>(FeeAmount.Read(JsonNode.Parse("""[{"amount":5000,"validFrom":null,"validTo":null}]""")));
        Assert.Equal(new ScheduleFee("le-phi-xac-nhan-tinh-trang-hon-nhan"), FeeAmount.Read(JsonNode.Parse("""{"$ref":"../../shared/fee-schedule.json#/fees/le-phi-xac-nhan-tinh-trang-hon-nhan/amount"}""")));
        Assert.IsType<ExpressionFee>(FeeAmount.Read(JsonValue.Create("50000 * (input.copies ?? 1)")));
    }

    [Theory]
    [InlineData("input.feeExemption == null || input.feeExemption == \"khong\"", null)]
    [InlineData("!(input.feeExemption == \"ho-ngheo\")", "input.feeExemption == \"ho-ngheo\"")]
    [InlineData("input.copies >= 1 && !(input.feeExemption == \"ho-ngheo\" || input.feeExemption == \"khuyet-tat\")", "input.feeExemption == \"ho-ngheo\" || input.feeExemption == \"khuyet-tat\"")]
    public void A_fee_condition_splits_into_when_it_is_charged_and_who_is_exempt_and_joins_back(string expression, string? exempt)
    {
        var (applies, exemption, parsed) = FeeTable.Split(expression);

        Assert.True(parsed);
        Assert.Equal(exempt, exemption is null ? null : ConditionWriter.Write(exemption));
        Assert.Equal(expression, FeeTable.Join(applies, exemption));
    }

    [Fact]
    public async Task Typing_an_amount_in_the_fee_table_writes_the_fee_rule()
    {
        await using var context = new DesignerContext();
        var state = await context.OpenAsync("HN-TP-003");
        var table = context.RenderWithPopovers<FeeTable>(p => p.Add(f => f.State, state));

        var row = table.Find(".fee-row");
        row.QuerySelector("select.amount-kind")!.Change("fixed");
        table.Find(".fee-row input.fee-amount").Change("9000");

        var rule = state.Rules!.RulesOf(RuleSetEditor.Fees)[0];
        Assert.Equal(9000, Dvc.Designer.Drafts.JsonNumber.Read(rule["Properties"]!["amount"]));
        Assert.Contains("\"amount\": 9000", context.Designer.Get("HN-TP-003").Files["rules.json"], StringComparison.Ordinal);
    }
}
