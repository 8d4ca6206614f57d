using System.Text.Json.Nodes;
using Dvc.Engine.Core.Tests.Cli;
using Dvc.Engine.Core.Tests.Fixtures;

namespace Dvc.Engine.Core.Tests.Regressions;

/// <summary>Issue 14, item 5: <c>dvc run</c> and <c>dvc test</c> report a definition's failure as a line, never a stack trace.</summary>
public sealed class Issue14_CliReportsDefinitionFailuresTests : IDisposable
{
    private readonly FixtureCatalog _catalog = new();

    public void Dispose() => _catalog.Dispose();

    [Fact]
    public void Dvc_run_reports_a_throwing_script_as_a_faulted_step()
    {
        _catalog.Replace("workflow.json", "\"template\": \"result\"", """
            "template": { "typeName": "String", "expression": { "type": "JavaScript", "value": "({toJSON(){throw new Error('x')}})" } }
            """);
        var steps = _catalog.PathOf("steps.json");
        File.WriteAllText(steps, """[ { "task": "reception", "outcome": "Approve" } ]""");

        var (exitCode, output, error) = CliRunner.Run("run", _catalog.ProcedurePath, "--steps", steps);

        Assert.Equal(1, exitCode);
        Assert.Contains(CliRunner.Lines(output), l => l.StartsWith("✗ Lỗi / faulted at 'issue': JavaScript error: x", StringComparison.Ordinal));
        AssertNoStackTrace(output + error);
    }

    [Fact]
    public void Dvc_test_fails_a_case_whose_rules_run_past_their_budget_and_goes_on()
    {
        _catalog.Replace("form.schema.json", "\"properties\": {\n    \"applicant\"", """
            "properties": {
                "items": { "type": "array", "x-ui": { "label": { "vi": "Danh sách" } },
                  "items": { "type": "object", "properties": { "n": { "type": "integer", "x-ui": { "label": { "vi": "Số" } } } } } },
                "applicant"
            """);
        _catalog.Replace("rules.json", "\"Dvc.Age(input.applicant.birthDate, ctx.SubmittedOn) >= 18\"",
            "\"input.items == null || input.items.SelectMany(a => input.items).SelectMany(b => input.items).LongCount() >= 0\"");
        _catalog.EditJson("tests/du-dieu-kien.json", test => test["input"]!["items"] = new JsonArray([.. Enumerable.Range(0, 300).Select(i => (JsonNode)new JsonObject { ["n"] = i })]));

        var (exitCode, output, error) = CliRunner.Run("test", _catalog.Root);

        Assert.Equal(1, exitCode);
        Assert.Contains(CliRunner.Lines(output), l => l.Contains("the case could not run: The rules of HN-TEST-001@", StringComparison.Ordinal));
        Assert.Contains(CliRunner.Lines(output), l => l.StartsWith("PASS ", StringComparison.Ordinal));
        Assert.Matches(@"^[1-9]\d* passed, [1-9]\d* failed$", CliRunner.Lines(output)[^1]);
        AssertNoStackTrace(output + error);
    }

    private static void AssertNoStackTrace(string text) =>
        Assert.DoesNotMatch(@"(?m)^\s+at [\w.<>`]+\(", text);
}
