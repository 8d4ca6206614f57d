using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dvc.Engine.Core.Templates;
using Dvc.Engine.Core.Tests.Workflows;
using Dvc.Engine.Core.Workflows;
using Dvc.Engine.Core.Workflows.Dossiers;
using Dvc.Engine.Core.Workflows.Expressions;
using Dvc.Engine.Core.Workflows.Runtime;

namespace Dvc.Engine.Core.Tests.Regressions;

/// <summary>
/// Issue 14, item 5: whatever a script, a Liquid template or a Scriban template does wrong faults its step (which the host
/// turns into an incident an officer retries or escalates); nothing escapes to the caller, and every limit holds.
/// </summary>
public sealed class Issue14_ExpressionFailuresFaultTheStepTests
{
    [Theory]
    [InlineData("({toJSON(){throw new Error(\"x\")}})")]
    [InlineData("({toJSON(){ while (true) {} }})")]
    [InlineData("Object.defineProperty(variables, 'boom', { get() { throw new Error('getter'); }, enumerable: true }); 1")]
    [InlineData("setVariable('count', { toJSON() { throw new Error('set'); } }); 1")]
    [InlineData("\"x\".repeat(2**28)")]
    [InlineData("\"x\".repeat(2**28).length")]
    [InlineData("'x'.padStart(2**28)")]
    [InlineData("var s = 'x'.repeat(100000); s.replaceAll('x', 'y'.repeat(5000)).length")]
    [InlineData("var s = 'x'.repeat(1000000); new Array(50000).fill(0).join(s).length")]
    [InlineData("var a = ['x'.repeat(1000000)]; for (var i = 0; i < 20; i++) { a = [a, a]; } JSON.stringify(a).length")]
    [InlineData("new ArrayBuffer(2**30).byteLength")]
    [InlineData("new ShadowRealm().evaluate(\"'x'.repeat(2**28).length\")")]
    [InlineData("eval(\"'x'.repeat(2**28).length\")")]
    [InlineData("/(a+)+$/.test('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!')")]
    [InlineData("'x'.repeat(4000000).match(/x/g).length")]
    public async Task A_failing_or_runaway_script_faults_its_step(string script)
    {
        var result = await Run(Workflow("JavaScript", script), ExpressionSandboxOptions.Default);

        Assert.Equal(WorkflowStatus.Faulted, result.Status);
        Assert.Equal("w", result.State.Fault!.ActivityId);
    }

    [Fact]
    public async Task Ordinary_string_work_still_runs_inside_the_guards()
    {
        const string script = "const s = 'ab'.repeat(3).padEnd(8, '-'); return [s, 'a-b-c'.replace(/-(.)/g, '[$1]'), 'x1y2'.replaceAll(/\\d/g, d => d * 2), [1, 'a', null].join('|'), 'aXbX'.match(/X/g).length, JSON.stringify({ a: [1, 2] }, ['a']), 'a'.concat('b', 1)].join(' ');";

        // Every guard but the clock, which a loaded test machine would make flaky: this asserts the guards, not speed.
        var result = await Run(Workflow("JavaScript", script), ExpressionSandboxOptions.Default with { Timeout = TimeSpan.FromSeconds(60) });

        Assert.True(result.Status == WorkflowStatus.Finished, result.State.Fault?.Message);
        Assert.Equal(["ababab-- a[b][c] x2y4 1|a| 2 {\"a\":[1,2]} ab1"], result.State.LogLines);
    }

    [Theory]
    [InlineData("{% include '/etc/passwd' %}")]
    [InlineData("{% render 'x' %}")]
    [InlineData("{{ (1..1000000000) | size }}")]
    [InlineData("{% for i in (1..1000000000) %}{% endfor %}")]
    public void Liquid_that_reads_files_or_builds_a_billion_values_does_not_compile(string liquid)
    {
        var compiled = WorkflowCompiler.Compile(Workflow("Liquid", liquid), "w.json", WorkflowCompileContext.Default);

        Assert.False(compiled.Success);
        Assert.Contains(compiled.Diagnostics, d => d.Code == WorkflowDiagnostics.LiquidSyntax && d.JsonPointer.Contains("/activities/0", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{% assign n = 1000000000 %}{{ (1..n) | size }}")]
    [InlineData("{% assign s = 'x' %}{% for i in (1..40) %}{% assign s = s | append: s %}{% endfor %}{{ s | size }}")]
    [InlineData("{% assign s = 'xxxxxxxxxx' %}{% for i in (1..20) %}{% capture s %}{{ s }}{{ s }}{% endcapture %}{% endfor %}{{ s | size }}")]
    [InlineData("{% assign s = 'xxxxxxxxxxxxxxxxxxxx' | append: 'xxxxxxxxxxxxxxxxxxxx' %}{{ s | replace: 'x', s | replace: 'x', s | replace: 'x', s | replace: 'x', s | size }}")]
    [InlineData("{% assign n = 99999999999 %}{{ (n..n) | size }}")]
    public async Task Liquid_past_its_limits_at_run_time_faults_its_step(string liquid)
    {
        var result = await Run(Workflow("Liquid", liquid), ExpressionSandboxOptions.Default);

        Assert.Equal(WorkflowStatus.Faulted, result.Status);
    }

    [Fact]
    public async Task Liquid_has_a_wall_clock_limit_too()
    {
        var tight = ExpressionSandboxOptions.Default with { Timeout = TimeSpan.FromTicks(1), LiquidMaxSteps = 1_000_000 };

        var result = await Run(Workflow("Liquid", "{% for i in (1..20000) %}{{ i }}{% endfor %}"), tight);

        Assert.Equal(WorkflowStatus.Faulted, result.Status);
        Assert.Contains("longer than", result.State.Fault!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_template_that_fails_to_render_faults_the_issue_step_and_a_retry_runs_it_again()
    {
        var attempts = 0;
        var services = new InMemoryDossierServices(templates: (name, _) => ++attempts == 1 ? throw new TemplateRenderException(name, "boom") : "KẾT QUẢ");
        var workflow = WorkflowTestKit.CompileBytes(Encoding.UTF8.GetBytes("""
            { "root": { "id": "root", "type": "Elsa.Flowchart", "activities": [ { "id": "issue", "type": "Dvc.IssueResult", "template": "result" } ], "connections": [] } }
            """), "retry.json");
        var interpreter = WorkflowTestKit.Interpreter(services: services);

        var faulted = await interpreter.StartAsync(workflow, WorkflowTestKit.Dossier());
        var retried = await interpreter.RetryAsync(workflow, faulted.State);

        Assert.Equal(WorkflowStatus.Faulted, faulted.Status);
        Assert.Equal("issue", faulted.State.Fault!.ActivityId);
        Assert.True(retried.Accepted);
        Assert.Equal(WorkflowStatus.Finished, retried.Status);
        Assert.Equal("KẾT QUẢ", Assert.Single(services.IssuedResults).Text);
    }

    [Fact]
    public async Task Retrying_an_instance_that_did_not_fault_is_refused()
    {
        var workflow = WorkflowTestKit.CompileBytes(Workflow("Literal", "ok"), "ok.json");
        var finished = await WorkflowTestKit.Interpreter().StartAsync(workflow, WorkflowTestKit.Dossier());

        var retried = await WorkflowTestKit.Interpreter().RetryAsync(workflow, finished.State);

        Assert.False(retried.Accepted);
        Assert.Same(finished.State, retried.State);
    }

    [Theory]
    [InlineData("{{ data.name | string.pad_left 300000000 }}")]
    [InlineData("{{ 'x' * 100000000 }}")]
    [InlineData("{{ for i in 1..100000000 }}{{ end }}")]
    public void A_scriban_template_past_its_limits_renders_as_a_failure_not_an_exception(string text)
    {
        using var catalog = new Fixtures.FixtureCatalog();
        catalog.Write(Fixtures.FixtureCatalog.ProcedureFolder + "/templates/result.sbn", text.Replace("data.name", "data.applicant.fullName", StringComparison.Ordinal));
        var procedure = catalog.CompileValid();

        var rendered = procedure.Render("result", new TemplateModel(new JsonObject { ["applicant"] = new JsonObject { ["fullName"] = "An" } }));

        Assert.False(rendered.Success);
        Assert.False(string.IsNullOrEmpty(rendered.Error));
    }

    private static Task<WorkflowRunResult> Run(byte[] json, ExpressionSandboxOptions sandbox) =>
        new WorkflowInterpreter(new InMemoryDossierServices(), new ManualClock(), sandbox: sandbox)
            .StartAsync(WorkflowTestKit.CompileBytes(json, "w.json"), WorkflowTestKit.Dossier(new { name = "An" }));

    private static byte[] Workflow(string type, string value) => Encoding.UTF8.GetBytes($$"""
        { "name": "sandbox", "variables": [ { "id": "count", "name": "count", "typeName": "Object" } ],
          "root": { "id": "root", "type": "Elsa.Flowchart", "activities": [
          { "id": "w", "type": "Elsa.WriteLine", "text": { "typeName": "String", "expression": { "type": "{{type}}", "value": {{JsonSerializer.Serialize(value)}} } } } ],
          "connections": [] } }
        """);
}
