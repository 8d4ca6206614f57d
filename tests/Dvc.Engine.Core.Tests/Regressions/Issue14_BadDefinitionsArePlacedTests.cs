using Dvc.Engine.Core.Definitions;
using Dvc.Engine.Core.Rules;
using Dvc.Engine.Core.Tests.Fixtures;

namespace Dvc.Engine.Core.Tests.Regressions;

/// <summary>
/// Issue 14, items 1–5: an author refused for a sandbox reason is told where, as for any other mistake: the file, the
/// JSON pointer and the line of the offending value (what the designer and <c>dvc validate</c> point at).
/// </summary>
public sealed class Issue14_BadDefinitionsArePlacedTests : IDisposable
{
    private const string Rules = FixtureCatalog.ProcedureFolder + "/rules.json";
    private const string Rule = "\"RuleName\": \"cap-gap\",";

    private readonly FixtureCatalog _catalog = new();

    public void Dispose() => _catalog.Dispose();

    [Fact]
    public void A_part_path_out_of_the_catalog_is_placed_on_its_value()
    {
        _catalog.Replace("procedure.json", "\"result\": \"templates/result.sbn\"", "\"result\": \"\\n../../../../../../etc/passwd\"");

        var compilation = _catalog.Compile();

        DiagnosticAssert.SingleError(
            compilation, DefinitionDiagnostics.OutsideCatalog, FixtureCatalog.ProcedureFolder + "/procedure.json", "/parts/templates/result",
            _catalog.LineOf(FixtureCatalog.ProcedureFolder + "/procedure.json", "etc/passwd"));
    }

    [Fact]
    public void A_ref_through_a_link_out_of_the_catalog_is_placed_on_the_ref()
    {
        var outside = Directory.CreateTempSubdirectory("dvc-server-folder-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(outside, "appsettings.json"), """{ "Authentication": { "Oidc": { "ClientSecret": "bi-mat" } } }""");
            Directory.CreateSymbolicLink(_catalog.PathOf("shared/ext"), outside);
            _catalog.Replace("form.schema.json", "\"$ref\": \"shared/applicant.schema.json#/definitions/applicant\"", "\"$ref\": \"shared/ext/appsettings.json#/Authentication/Oidc\"");

            var compilation = _catalog.Compile();

            var error = DiagnosticAssert.Single(compilation.Diagnostics, DefinitionDiagnostics.OutsideCatalog);
            Assert.Equal(FixtureCatalog.ProcedureFolder + "/form.schema.json", error.File);
            Assert.EndsWith("/$ref", error.JsonPointer, StringComparison.Ordinal);
            Assert.Equal(_catalog.LineOf(FixtureCatalog.ProcedureFolder + "/form.schema.json", "shared/ext/appsettings.json"), error.Line);
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }

    [Theory]
    [InlineData(""" "Actions": { "OnSuccess": { "Name": "OutputExpression", "Context": { "expression": "Enumerable.Range(0,2147483647).LongCount()" } } },""", "/1/Rules/2/Actions/OnSuccess/Context/expression", "Enumerable.Range")]
    [InlineData(""" "localParams": [ { "name": "n", "expression": "\"x\".PadLeft(1000000000)" } ],""", "/1/Rules/2/localParams/0/expression", "PadLeft")]
    public void A_rule_expression_out_of_the_sandbox_is_placed_on_its_value(string keys, string pointer, string marker)
    {
        _catalog.Replace("rules.json", Rule, Rule + "\n" + keys);

        var compilation = _catalog.Compile();

        DiagnosticAssert.SingleError(compilation, RuleDiagnostics.SandboxViolation, Rules, pointer, _catalog.LineOf(Rules, marker));
    }

    [Fact]
    public void A_runaway_rule_expression_is_placed_on_its_value()
    {
        _catalog.Replace("rules.json", "input.permitType == \\\"khan\\\"", "\\\"x\\\".PadLeft(1000000).SelectMany(a => \\\"y\\\".PadLeft(1000000)).LongCount() > 0");

        var compilation = _catalog.Compile();

        var error = Assert.Single(compilation.Diagnostics, d => d.IsError);
        Assert.Equal(Rules, error.File);
        Assert.EndsWith("/Expression", error.JsonPointer, StringComparison.Ordinal);
        Assert.Equal(_catalog.LineOf(Rules, "PadLeft(1000000)"), error.Line);
    }

    [Fact]
    public void A_Liquid_include_in_the_workflow_is_placed_on_its_activity()
    {
        _catalog.Replace(
            "workflow.json",
            "{ \"id\": \"issue\", \"type\": \"Dvc.IssueResult\", \"version\": 1, \"template\": \"result\" },",
            "{ \"id\": \"issue\", \"type\": \"Dvc.IssueResult\", \"version\": 1, \"template\": \"result\" },\n      { \"id\": \"w\", \"type\": \"Elsa.WriteLine\", \"text\": { \"typeName\": \"String\", \"expression\": { \"type\": \"Liquid\", \"value\": \"{% include '/etc/passwd' %}\" } } },");

        var compilation = _catalog.Compile();

        var error = Assert.Single(compilation.Diagnostics, d => d.IsError);
        Assert.Equal(FixtureCatalog.ProcedureFolder + "/workflow.json", error.File);
        Assert.Contains("/activities/", error.JsonPointer, StringComparison.Ordinal);
        Assert.Equal(_catalog.LineOf(FixtureCatalog.ProcedureFolder + "/workflow.json", "/etc/passwd"), error.Line);
    }
}
