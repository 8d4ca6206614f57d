using Dvc.Engine.Core.Definitions;
using Dvc.Engine.Core.Rules;
using Dvc.Engine.Core.Tests.Fixtures;

namespace Dvc.Engine.Core.Tests.Rules;

public sealed class RulesCompilerTests : IDisposable
{
    private const string Rules = FixtureCatalog.ProcedureFolder + "/rules.json";
    private readonly FixtureCatalog _catalog = new();

    public void Dispose() => _catalog.Dispose();

    [Theory]
    [InlineData("\"input.copies > 1\"", "\"input.copeis > 1\"", RuleDiagnostics.UnknownField, "/1/Rules/1/Expression")]
    [InlineData("Dvc.Age(input.applicant.birthDate, ctx.SubmittedOn) >= 18", "Dvc.Age(input.applicant.birthDay, ctx.SubmittedOn) >= 18", RuleDiagnostics.UnknownField, "/0/Rules/0/Expression")]
    [InlineData("\"input.copies > 1\"", "\"input.copies >\"", RuleDiagnostics.InvalidExpression, "/1/Rules/1/Expression")]
    [InlineData("\"input.copies > 1\"", "\"input.copies\"", RuleDiagnostics.InvalidExpression, "/1/Rules/1/Expression")]
    [InlineData("\"input.copies > 1\"", "\"ctx.Tomorrow > 1\"", RuleDiagnostics.InvalidExpression, "/1/Rules/1/Expression")]
    [InlineData("\"amount\": \"((input.copies ?? 1) - 1) * 5000\"", "\"amount\": \"input.delivery\"", RuleDiagnostics.FeeNotNumber, "/1/Rules/1/Properties/amount")]
    [InlineData("\"amount\": \"((input.copies ?? 1) - 1) * 5000\"", "\"amount\": \"input.copies > 2\"", RuleDiagnostics.FeeNotNumber, "/1/Rules/1/Properties/amount")]
    [InlineData("\"amount\": \"((input.copies ?? 1) - 1) * 5000\"", "\"amount\": \"((input.copeis ?? 1) - 1) * 5000\"", RuleDiagnostics.UnknownField, "/1/Rules/1/Properties/amount")]
    [InlineData("\"amount\": \"((input.copies ?? 1) - 1) * 5000\"", "\"amount\": [5000]", RuleDiagnostics.FeeNotNumber, "/1/Rules/1/Properties/amount/0")]
    [InlineData("\"attachment\": \"giay-kham-suc-khoe\"", "\"attachment\": \"giay-kham\"", RuleDiagnostics.UnknownAttachment, "/2/Rules/0/Properties/attachment")]
    [InlineData("\"RuleName\": \"cap-gap\"", "\"RuleName\":  \"le-phi\"", RuleDiagnostics.DuplicateName, "/1/Rules/2/RuleName")]
    public void Each_rule_defect_gives_its_diagnostic_at_its_place(string find, string replace, string code, string pointer)
    {
        _catalog.Replace("rules.json", find, replace);

        var compilation = _catalog.Compile();

        var error = DiagnosticAssert.SingleError(compilation, code, Rules, pointer, _catalog.LineOf(Rules, replace));
        Assert.True(error.Column > 0);
        Assert.Null(compilation.Procedure);
    }

    [Fact]
    public void An_unknown_field_points_at_the_column_of_the_expression_where_parsing_stopped()
    {
        _catalog.Replace("rules.json", "\"input.copies > 1\"", "\"input.copeis > 1\"");
        var line = File.ReadAllLines(_catalog.PathOf(Rules))[_catalog.LineOf(Rules, "input.copeis") - 1];
        var expressionStart = line.IndexOf("input.copeis", StringComparison.Ordinal) + 1;

        var error = Assert.Single(_catalog.Compile().Diagnostics);

        Assert.InRange(error.Column, expressionStart, expressionStart + "input.copeis".Length);
    }

    [Fact]
    public void An_eligibility_rule_without_a_reason_is_an_error()
    {
        _catalog.Replace("rules.json", "\"Properties\": { \"reason\": { \"vi\": \"Người đề nghị phải đủ 18 tuổi trở lên.\", \"en\": \"The applicant must be at least 18 years old.\" } }", "\"Properties\": { }");

        var compilation = _catalog.Compile();

        DiagnosticAssert.SingleError(compilation, RuleDiagnostics.MissingReason, Rules, "/0/Rules/0/Properties", _catalog.LineOf(Rules, "\"Properties\": { }"));
    }

    [Fact]
    public void A_fee_amount_that_can_be_empty_is_a_warning_and_counts_as_zero()
    {
        _catalog.Replace("rules.json", "\"amount\": \"((input.copies ?? 1) - 1) * 5000\"", "\"amount\": \"(input.copies - 1) * 5000\"");

        var compilation = _catalog.Compile();

        var warning = Assert.Single(compilation.Diagnostics);
        Assert.Equal(RuleDiagnostics.FeeMayBeNull, warning.Code);
        Assert.Equal("/1/Rules/1/Properties/amount", warning.JsonPointer);
        Assert.NotNull(compilation.Procedure);
    }

    [Fact]
    public void Rules_json_that_is_not_an_array_is_malformed()
    {
        _catalog.Write(Rules, "{ \"WorkflowName\": \"eligibility\" }");

        var compilation = _catalog.Compile();

        DiagnosticAssert.SingleError(compilation, RuleDiagnostics.Malformed, Rules, string.Empty, 1);
    }

    [Fact]
    public void An_action_that_calls_another_workflow_is_refused()
    {
        _catalog.Replace("rules.json", "\"RuleName\": \"cap-gap\",", "\"RuleName\": \"cap-gap\", \"Actions\": { \"OnSuccess\": { \"Name\": \"EvaluateRule\", \"Context\": { \"workflowName\": \"eligibility\", \"ruleName\": \"du-18-tuoi\" } } },");

        var compilation = _catalog.Compile();

        DiagnosticAssert.SingleError(compilation, RuleDiagnostics.UnsupportedFeature, Rules, "/1/Rules/2/Actions/OnSuccess", _catalog.LineOf(Rules, "EvaluateRule"));
    }

    [Fact]
    public void Local_params_can_be_used_by_the_expression_and_the_fee_amount()
    {
        _catalog.Replace(
            "rules.json",
            "\"RuleName\": \"ban-sao-them\",\n        \"Expression\": \"input.copies > 1\",\n        \"Properties\": { \"amount\": \"((input.copies ?? 1) - 1) * 5000\"",
            "\"RuleName\": \"ban-sao-them\",\n        \"LocalParams\": [ { \"Name\": \"extra\", \"Expression\": \"(input.copies ?? 1) - 1\" } ],\n        \"Expression\": \"extra > 0\",\n        \"Properties\": { \"amount\": \"extra * 5000\"");
        var procedure = _catalog.CompileValid();
        var data = System.Text.Json.Nodes.JsonNode.Parse("""{ "copies": 4, "permitType": "thuong", "delivery": "counter" }""")!.AsObject();

        var fee = procedure.ComputeFee(data, new DateOnly(2026, 3, 2));

        Assert.Equal(135000 + 15000, fee.Total);
    }

    [Fact]
    public void A_rule_with_an_unknown_field_never_reaches_the_shared_engine()
    {
        var compiler = new ProcedureCompiler();
        _catalog.Replace("rules.json", "\"input.copies > 1\"", "\"input.copeis > 1\"");

        _catalog.Compile(compiler);

        Assert.Equal(0, compiler.Rules.WorkflowCount);
    }
}
