using Dvc.Engine.Core.Definitions;
using Dvc.Engine.Core.Rules;
using Dvc.Engine.Core.Tests.Fixtures;

namespace Dvc.Engine.Core.Tests.Rules;

/// <summary>Each test tries one way out of the rule sandbox; every attempt must be a compile error and never reach the engine.</summary>
public sealed class RuleSandboxTests : IDisposable
{
    private const string Placeholder = "input.permitType == \\\"khan\\\"";
    private readonly FixtureCatalog _catalog = new();

    public void Dispose() => _catalog.Dispose();

    [Theory]
    [InlineData("input.GetType().Assembly.FullName != null")]
    [InlineData("input.applicant.fullName.GetType().Assembly != null")]
    [InlineData("object(input).GetType() != null")]
    [InlineData("ctx.GetType().Name != null")]
    [InlineData("DateTime.Now.Year > 2000")]
    [InlineData("DateTime.UtcNow > ctx.SubmittedOn")]
    [InlineData("DateTime.Today > ctx.SubmittedOn")]
    [InlineData("Enumerable.Range(0, 1000000000).Count() > 0")]
    [InlineData("Enumerable.Repeat(1, 1000000000).Count() > 0")]
    [InlineData("ExpressionUtils.CheckContains(\\\"a\\\", \\\"b\\\")")]
    public void Reflection_clock_and_runaway_loops_are_sandbox_violations(string expression)
    {
        var compilation = CompileWith(expression);

        Assert.Equal(RuleDiagnostics.SandboxViolation, Assert.Single(compilation.Diagnostics, d => d.IsError).Code);
        Assert.Null(compilation.Procedure);
    }

    [Theory]
    [InlineData("Type.GetType(\\\"System.IO.File\\\") != null")]
    [InlineData("typeof(string) != null")]
    [InlineData("System.IO.File.Exists(\\\"/etc/passwd\\\")")]
    [InlineData("File.Exists(\\\"/etc/passwd\\\")")]
    [InlineData("Environment.GetEnvironmentVariable(\\\"PATH\\\") != null")]
    [InlineData("Activator.CreateInstance(\\\"a\\\", \\\"b\\\") != null")]
    [InlineData("AppDomain.CurrentDomain != null")]
    [InlineData("Process.GetCurrentProcess() != null")]
    [InlineData("ctx.GetType().GetProperty(\\\"SubmittedOn\\\") != null")]
    [InlineData("new System.IO.FileInfo(\\\"/etc/passwd\\\").Exists")]
    [InlineData("\\\"System.IO.File\\\".GetType().Assembly.GetType(\\\"System.IO.File\\\") != null")]
    public void Types_outside_the_allow_list_cannot_even_be_named(string expression)
    {
        var compilation = CompileWith(expression);

        var error = Assert.Single(compilation.Diagnostics, d => d.IsError);
        Assert.Contains(error.Code, new[] { RuleDiagnostics.InvalidExpression, RuleDiagnostics.SandboxViolation });
        Assert.Null(compilation.Procedure);
    }

    [Fact]
    public void A_fee_amount_is_sandboxed_too()
    {
        _catalog.Replace("rules.json", "\"amount\": \"67500.5\"", "\"amount\": \"input.GetType().Assembly.Location.Length\"");

        var compilation = _catalog.Compile();

        Assert.Equal(RuleDiagnostics.SandboxViolation, Assert.Single(compilation.Diagnostics, d => d.IsError).Code);
    }

    [Fact]
    public void A_local_param_is_sandboxed_too()
    {
        _catalog.Replace("rules.json", "\"RuleName\": \"cap-gap\",", "\"RuleName\": \"cap-gap\", \"LocalParams\": [ { \"Name\": \"t\", \"Expression\": \"input.GetType()\" } ],");

        var compilation = _catalog.Compile();

        Assert.Equal(RuleDiagnostics.SandboxViolation, Assert.Single(compilation.Diagnostics, d => d.IsError).Code);
    }

    [Theory]
    [InlineData("Math.Max(input.copies ?? 0, 1) > 0")]
    [InlineData("input.applicant.fullName.ToUpper().StartsWith(\\\"NG\\\")")]
    [InlineData("Dvc.DaysBetween(input.applicant.birthDate, ctx.SubmittedOn) > 6570")]
    [InlineData("ctx.SubmittedOn.AddYears(-18) >= input.applicant.birthDate")]
    [InlineData("new[] { \\\"khan\\\", \\\"thuong\\\" }.Contains(input.permitType)")]
    public void Ordinary_expressions_are_allowed(string expression)
    {
        var compilation = CompileWith(expression);

        Assert.Empty(compilation.Diagnostics);
        Assert.NotNull(compilation.Procedure);
    }

    [Fact]
    public void Lists_can_be_counted_and_queried()
    {
        _catalog.Replace("form.schema.json", "\"properties\": {\n    \"applicant\"", """
            "properties": {
                "witnesses": { "type": "array", "x-ui": { "label": { "vi": "Người làm chứng" } },
                  "items": { "type": "object", "properties": { "age": { "type": "integer", "x-ui": { "label": { "vi": "Tuổi" } } } } } },
                "applicant"
            """);
        var compilation = CompileWith("Dvc.Count(input.witnesses) >= 2 && input.witnesses.All(w => w.age >= 18)");
        Assert.Empty(compilation.Diagnostics);
        var data = System.Text.Json.Nodes.JsonNode.Parse("""{ "permitType": "thuong", "copies": 1, "delivery": "counter", "witnesses": [ { "age": 30 }, { "age": 40 } ] }""")!.AsObject();

        var fee = compilation.Procedure!.ComputeFee(data, new DateOnly(2026, 3, 2));

        Assert.Contains(fee.Lines, l => l.Rule == "cap-gap");
        Assert.Equal(["/witnesses"], fee.Trace.Rules.Single(r => r.Rule == "cap-gap").Inputs.Keys);
    }

    private ProcedureCompilation CompileWith(string expression)
    {
        _catalog.Replace("rules.json", Placeholder, expression);
        return _catalog.Compile();
    }
}
