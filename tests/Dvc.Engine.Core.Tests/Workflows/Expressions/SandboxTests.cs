using System.Text;
using Dvc.Engine.Core.Workflows;
using Dvc.Engine.Core.Workflows.Expressions;
using Dvc.Engine.Core.Workflows.Runtime;

namespace Dvc.Engine.Core.Tests.Workflows.Expressions;

/// <summary>Scripts from a definition must not reach the CLR, the file system or the process, nor run forever.</summary>
public sealed class SandboxTests
{
    private static readonly ExpressionSandboxOptions Tight = new() { Timeout = TimeSpan.FromMilliseconds(500), MaxStatements = 10_000, MemoryBytes = 4_000_000 };

    [Theory]
    [InlineData("importNamespace('System.IO').File.ReadAllText('/etc/passwd')")]
    [InlineData("System.IO.File.ReadAllText('/etc/passwd')")]
    [InlineData("System.Environment.Exit(1)")]
    [InlineData("getVariable.constructor('return this')().System.IO")]
    [InlineData("require('fs').readFileSync('/etc/passwd')")]
    [InlineData("process.exit(1)")]
    [InlineData("getInput('data').GetType().Assembly")]
    [InlineData("while (true) {}")]
    [InlineData("for (;;) { var x = 1; }")]
    [InlineData("function f() { return f(); } return f();")]
    [InlineData("var a = []; while (true) { a.push('xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' + a.length); }")]
    public async Task An_escaping_or_runaway_script_faults_the_workflow_and_nothing_else(string script)
    {
        var workflow = Compile(script);
        var interpreter = new WorkflowInterpreter(new Core.Workflows.Dossiers.InMemoryDossierServices(), new ManualClock(), sandbox: Tight);

        var result = await interpreter.StartAsync(workflow, WorkflowTestKit.Dossier(new { name = "An" }));

        Assert.Equal(WorkflowStatus.Faulted, result.Status);
        Assert.Equal("w", result.State.Fault!.ActivityId);
        Assert.Empty(result.State.LogLines);
    }

    [Fact]
    public async Task A_liquid_template_cannot_reach_clr_members()
    {
        var workflow = Compile(null, "{{ Input.data.name }}|{{ Input.data.GetType }}|{{ Workflow.InstanceId.Length }}");

        var result = await WorkflowTestKit.Interpreter().StartAsync(workflow, WorkflowTestKit.Dossier(new { name = "An" }));

        Assert.Equal(["An||"], result.State.LogLines);
    }

    [Fact]
    public async Task A_liquid_loop_past_its_step_limit_faults()
    {
        var workflow = Compile(null, "{% for i in (1..20000) %}{{ i }}{% endfor %}");

        var result = await WorkflowTestKit.Interpreter().StartAsync(workflow, WorkflowTestKit.Dossier());

        Assert.Equal(WorkflowStatus.Faulted, result.Status);
    }

    [Fact]
    public async Task Template_literals_return_statements_and_json_helpers_work_inside_the_sandbox()
    {
        var workflow = Compile("const d = getInput('data'); if (isNullOrWhiteSpace(d.name)) { return 'none'; } return `${d.name.toUpperCase()} ${toJson({ a: 1 })} ${getDossierCode()}`;");

        var result = await WorkflowTestKit.Interpreter().StartAsync(workflow, WorkflowTestKit.Dossier(new { name = "An" }));

        Assert.Equal(["AN {\"a\":1} HN-2026-000123"], result.State.LogLines);
    }

    private static CompiledWorkflow Compile(string? javaScript, string? liquid = null)
    {
        var type = javaScript is null ? "Liquid" : "JavaScript";
        var value = System.Text.Json.JsonSerializer.Serialize(javaScript ?? liquid);
        var json = $$"""
            { "name": "sandbox", "root": { "id": "root", "type": "Elsa.Flowchart", "activities": [
              { "id": "w", "type": "Elsa.WriteLine", "text": { "typeName": "String", "expression": { "type": "{{type}}", "value": {{value}} } } } ],
              "connections": [] } }
            """;
        return WorkflowTestKit.CompileBytes(Encoding.UTF8.GetBytes(json), "sandbox.json");
    }
}
