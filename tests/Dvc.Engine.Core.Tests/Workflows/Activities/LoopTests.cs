using System.Text;
using Dvc.Engine.Core.Workflows;
using Dvc.Engine.Core.Workflows.Runtime;

namespace Dvc.Engine.Core.Tests.Workflows.Activities;

/// <summary>The loops beyond Elsa's own cases: data from the dossier, a loop that never ends, a Break with nowhere to go.</summary>
public sealed class LoopTests
{
    [Fact]
    public async Task For_each_walks_an_array_of_the_submission_with_its_index()
    {
        var workflow = Compile("""
            { "root": { "id": "each", "type": "Elsa.ForEach", "items": { "typeName": "Object", "expression": { "type": "JavaScript", "value": "getData().members" } },
              "body": { "id": "say", "type": "Elsa.WriteLine", "text": { "typeName": "String", "expression": { "type": "Liquid", "value": "{{ Variables.CurrentIndex }}. {{ Variables.CurrentValue.name }}" } } } } }
            """);

        var run = await WorkflowTestKit.Interpreter().StartAsync(workflow, WorkflowTestKit.Dossier(new { members = new[] { new { name = "An" }, new { name = "Bình" } } }));

        Assert.Equal(["0. An", "1. Bình"], run.State.LogLines);
    }

    [Fact]
    public async Task A_loop_that_never_waits_or_ends_faults_when_the_step_budget_runs_out()
    {
        var workflow = Compile("""
            { "root": { "id": "forever", "type": "Elsa.While", "condition": { "typeName": "Boolean", "expression": { "type": "Literal", "value": true } },
              "body": { "id": "tick", "type": "Elsa.Correlate", "correlationId": { "typeName": "String", "expression": { "type": "Literal", "value": "x" } } } } }
            """);
        var interpreter = new WorkflowInterpreter(new Dvc.Engine.Core.Workflows.Dossiers.InMemoryDossierServices(), new ManualClock()) { MaxSteps = 500 };

        var run = await interpreter.StartAsync(workflow, WorkflowTestKit.Dossier());

        Assert.Equal(WorkflowStatus.Faulted, run.Status);
        Assert.Equal(WorkflowDiagnostics.StepBudgetExceeded, run.State.Fault!.Code);
    }

    [Fact]
    public void A_break_outside_any_loop_is_a_warning()
    {
        var result = WorkflowCompiler.Compile(Encoding.UTF8.GetBytes("""
            { "root": { "id": "s", "type": "Elsa.Sequence", "activities": [ { "id": "b", "type": "Elsa.Break" } ] } }
            """), "w.json", WorkflowCompileContext.Default);

        Assert.Equal(WorkflowDiagnostics.BreakOutsideLoop, Assert.Single(result.Diagnostics).Code);
        Assert.True(result.Success);
    }

    [Fact]
    public void The_loop_variable_is_known_inside_the_body_only()
    {
        var result = WorkflowCompiler.Compile(Encoding.UTF8.GetBytes("""
            { "root": { "id": "s", "type": "Elsa.Sequence", "activities": [
              { "id": "each", "type": "Elsa.ForEach", "items": { "typeName": "Object", "expression": { "type": "Object", "value": "[1]" } },
                "body": { "id": "in", "type": "Elsa.WriteLine", "text": { "typeName": "String", "expression": { "type": "JavaScript", "value": "`${getCurrentValue()}`" } } } },
              { "id": "out", "type": "Elsa.WriteLine", "text": { "typeName": "String", "expression": { "type": "JavaScript", "value": "`${getCurrentValue()}`" } } } ] } }
            """), "w.json", WorkflowCompileContext.Default);

        Assert.Equal("/root/activities/1/text/expression/value", Assert.Single(result.Diagnostics).JsonPointer);
    }

    private static CompiledWorkflow Compile(string json)
    {
        var result = WorkflowCompiler.Compile(Encoding.UTF8.GetBytes(json), "w.json", WorkflowCompileContext.Default);
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics));
        return result.Workflow!;
    }
}
