using System.Text.Json.Nodes;
using Dvc.Engine.Core.Definitions;
using Dvc.Engine.Core.Rules;
using Dvc.Engine.Core.Tests.Fixtures;

namespace Dvc.Engine.Core.Tests.Regressions;

/// <summary>
/// Issue 14, items 3–4: the checker reads rules.json keys as RulesEngine does (in any letter case) wherever an expression
/// can hide, and every evaluation is bounded: what can be refused at compile time is, the rest is stopped by the budget
/// and refused as a whole.
/// </summary>
public sealed class Issue14_RulesStayInTheSandboxTests : IDisposable
{
    private const string Rule = "\"RuleName\": \"cap-gap\",";
    private const string Placeholder = "input.permitType == \\\"khan\\\"";
    private static readonly DateOnly Today = new(2026, 3, 2);

    private readonly FixtureCatalog _catalog = new();

    public void Dispose() => _catalog.Dispose();

    /// <summary>The reproduction: an action with a lower-case context key validated cleanly and ran.</summary>
    [Fact]
    public void An_output_expression_under_a_lower_case_context_key_is_checked()
    {
        _catalog.Replace("rules.json", Rule, Rule + """ "Actions": { "OnSuccess": { "Name": "OutputExpression", "Context": { "expression": "Enumerable.Range(0,2147483647).LongCount()" } } },""");

        var compilation = _catalog.Compile();

        var error = DiagnosticAssert.SingleError(compilation, RuleDiagnostics.SandboxViolation, FixtureCatalog.ProcedureFolder + "/rules.json");
        Assert.Equal("/1/Rules/2/Actions/OnSuccess/Context/expression", error.JsonPointer);
    }

    [Theory]
    [InlineData(""" "actions": { "onSuccess": { "name": "outputexpression", "context": { "EXPRESSION": "Enumerable.Range(0,2147483647).LongCount()" } } },""")]
    [InlineData(""" "Actions": { "OnFailure": { "Name": "OutputExpression", "Context": { "Expression": "input.GetType().Assembly" } } },""")]
    [InlineData(""" "localParams": [ { "name": "n", "expression": "Enumerable.Range(0,2147483647).LongCount()" } ],""")]
    [InlineData(""" "LOCALPARAMS": [ { "Name": "n", "Expression": "\"x\".PadLeft(1000000000)" } ],""")]
    public void Expressions_hidden_under_keys_in_any_case_are_checked(string keys)
    {
        _catalog.Replace("rules.json", Rule, Rule + keys);

        var compilation = _catalog.Compile();

        Assert.Equal(RuleDiagnostics.SandboxViolation, Assert.Single(compilation.Diagnostics, d => d.IsError).Code);
        Assert.Null(compilation.Procedure);
    }

    [Fact]
    public void A_lower_case_rule_expression_is_checked_and_evaluated_as_RulesEngine_would()
    {
        _catalog.Replace("rules.json", "\"Expression\": \"" + Placeholder + "\"", "\"expression\": \"input.permitType == \\\"thuong\\\"\"");

        var procedure = _catalog.CompileValid();
        var fee = procedure.ComputeFee(Input(), Today);

        Assert.Contains(fee.Lines, l => l.Rule == "cap-gap");
    }

    [Fact]
    public void Nested_rules_and_global_params_in_lower_case_are_checked()
    {
        _catalog.Replace("rules.json", "\"WorkflowName\": \"fees\",", """
            "WorkflowName": "fees", "globalParams": [ { "name": "g", "expression": "input.GetType()" } ],
            """);
        _catalog.Replace("rules.json", Rule, Rule + """ "operator": "And", "rules": [ { "ruleName": "con", "expression": "ctx.GetType() != null" } ],""");

        var compilation = _catalog.Compile();

        Assert.Equal(2, compilation.Diagnostics.Count(d => d.Code == RuleDiagnostics.SandboxViolation));
    }

    [Theory]
    [InlineData(""" "workflowsToInject": [ "eligibility" ],""", "/1/Rules/2/workflowsToInject")]
    [InlineData(""" "Actions": { "OnSuccess": { "Name": "evaluaterule", "Context": { "workflowName": "eligibility", "ruleName": "du-18-tuoi" } } },""", "/1/Rules/2/Actions/OnSuccess")]
    [InlineData(""" "RuleExpressionType": "Something" ,""", "/1/Rules/2/RuleExpressionType")]
    public void Features_that_run_unchecked_rules_are_refused_in_any_case(string keys, string pointer)
    {
        _catalog.Replace("rules.json", Rule, Rule + keys);

        var compilation = _catalog.Compile();

        Assert.Equal(pointer, DiagnosticAssert.SingleError(compilation, RuleDiagnostics.UnsupportedFeature, FixtureCatalog.ProcedureFolder + "/rules.json").JsonPointer);
    }

    [Fact]
    public void Keys_that_differ_only_in_case_are_refused()
    {
        _catalog.Replace("rules.json", Rule, Rule + """ "expression": "true",""");

        var compilation = _catalog.Compile();

        Assert.Contains(compilation.Diagnostics, d => d.Code == RuleDiagnostics.Malformed && d.JsonPointer == "/1/Rules/2");
        Assert.Null(compilation.Procedure);
    }

    /// <summary>The reproductions of item 4 and their relatives: each is refused before it can run.</summary>
    [Theory]
    [InlineData("\\\"x\\\".PadLeft(1000000).SelectMany(a => \\\"y\\\".PadLeft(1000000)).LongCount() > 0")]
    [InlineData("\\\"x\\\".PadLeft(1000000000).Length > 0")]
    [InlineData("Enumerable.Range(0,2147483647).LongCount() > 0")]
    [InlineData("input.applicant.fullName.PadLeft(input.copies ?? 0).Length > 0")]
    [InlineData("input.applicant.fullName.Replace(\\\"a\\\", input.applicant.fullName).Length > 0")]
    [InlineData("input.applicant.fullName.SelectMany(c => input.applicant.fullName).Count() > 0")]
    [InlineData("input.applicant.fullName.Split(' ').Any(a => a == \\\"An\\\")")]
    [InlineData("new[] { 1, 2 }.SelectMany(a => new[] { 1, 2 }).Count() > 0")]
    [InlineData("string.Join(\\\",\\\", new[] { input.permitType }) != null")]
    [InlineData("input.applicant.fullName.Insert(0, input.applicant.fullName) != null")]
    public void Expressions_that_could_run_away_are_refused_at_compile(string expression)
    {
        _catalog.Replace("rules.json", Placeholder, expression);

        var compilation = _catalog.Compile();

        Assert.Contains(Assert.Single(compilation.Diagnostics, d => d.IsError).Code, new[] { RuleDiagnostics.SandboxViolation, RuleDiagnostics.InvalidExpression });
        Assert.Null(compilation.Procedure);
    }

    [Fact]
    public void A_chain_of_params_that_doubles_a_text_is_refused()
    {
        var doubling = string.Join(", ", Enumerable.Range(1, 40).Select(i => $$"""{ "Name": "t{{i}}", "Expression": "t{{i - 1}} + t{{i - 1}}" }"""));
        _catalog.Replace("rules.json", Rule, Rule + $$""" "LocalParams": [ { "Name": "t0", "Expression": "input.applicant.fullName" }, {{doubling}} ],""");

        var compilation = _catalog.Compile();

        Assert.Contains(compilation.Diagnostics, d => d.Code == RuleDiagnostics.SandboxViolation);
        Assert.Null(compilation.Procedure);
    }

    [Theory]
    [InlineData("input.applicant.citizenId.PadLeft(12, '0').Length == 12")]
    [InlineData("input.applicant.fullName.Replace(\\\" \\\", \\\"\\\").Length > 3")]
    [InlineData("(input.applicant.fullName + \\\" \\\" + input.permitType + ctx.ServiceLevel).Length > 3")]
    [InlineData("new[] { \\\"khan\\\", \\\"thuong\\\" }.Contains(input.permitType)")]
    public void Cheap_text_operations_are_still_allowed(string expression)
    {
        _catalog.Replace("rules.json", Placeholder, expression);

        var compilation = _catalog.Compile();

        Assert.Empty(compilation.Diagnostics);
    }

    [Fact]
    public void Nested_loops_over_a_large_repeated_field_are_stopped_and_refused_with_the_rule()
    {
        AddItems();
        _catalog.Replace("rules.json", "\"Expression\": \"Dvc.Age(input.applicant.birthDate, ctx.SubmittedOn) >= 18\"",
            "\"Expression\": \"input.items.SelectMany(a => input.items).SelectMany(b => input.items).LongCount() > 0\"");
        var procedure = _catalog.CompileValid();
        var input = Input();
        input["items"] = new JsonArray([.. Enumerable.Range(0, 2_000).Select(i => (JsonNode)new JsonObject { ["n"] = i })]);

        var refused = Assert.Throws<RuleEvaluationRefusedException>(() => procedure.EvaluateEligibility(input, Today));

        Assert.Equal("eligibility", refused.Workflow);
        Assert.Equal("du-18-tuoi", refused.Rule);
        Assert.StartsWith("HN-TEST-001@", refused.Procedure, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(refused.Reason));
    }

    [Fact]
    public void A_fee_amount_that_loops_too_long_is_refused_too()
    {
        AddItems();
        _catalog.Replace("rules.json", "\"amount\": \"67500.5\"", "\"amount\": \"input.items.SelectMany(a => input.items).SelectMany(b => input.items).LongCount()\"");
        _catalog.Replace("rules.json", Placeholder, "true");
        var procedure = _catalog.CompileValid();
        var input = Input();
        input["items"] = new JsonArray([.. Enumerable.Range(0, 2_000).Select(i => (JsonNode)new JsonObject { ["n"] = i })]);

        var refused = Assert.Throws<RuleEvaluationRefusedException>(() => procedure.ComputeFee(input, Today));

        Assert.Equal("cap-gap", refused.Rule);
    }

    [Fact]
    public void Loops_over_small_repeated_fields_run_as_before()
    {
        AddItems();
        _catalog.Replace("rules.json", Placeholder, "input.items.Any(a => input.items.Count(b => b.n == a.n) > 1)");
        var procedure = _catalog.CompileValid();
        var input = Input();
        input["items"] = new JsonArray(new JsonObject { ["n"] = 1 }, new JsonObject { ["n"] = 1 });

        var fee = procedure.ComputeFee(input, Today);

        Assert.Contains(fee.Lines, l => l.Rule == "cap-gap");
    }

    private void AddItems() =>
        _catalog.Replace("form.schema.json", "\"properties\": {\n    \"applicant\"", """
            "properties": {
                "items": { "type": "array", "x-ui": { "label": { "vi": "Danh sách" } },
                  "items": { "type": "object", "properties": { "n": { "type": "integer", "x-ui": { "label": { "vi": "Số" } } } } } },
                "applicant"
            """);

    private static JsonObject Input() => new()
    {
        ["applicant"] = new JsonObject { ["fullName"] = "Nguyễn Văn An", ["birthDate"] = "1995-06-15", ["citizenId"] = "001095012345", ["phone"] = "0912345678" },
        ["permitType"] = "thuong",
        ["copies"] = 1,
        ["delivery"] = "counter",
    };
}
