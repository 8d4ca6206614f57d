using System.Text;
using Dvc.Engine.Core.Definitions;
using Dvc.Engine.Core.Workflows;
using Dvc.Engine.Core.Workflows.Runtime;

namespace Dvc.Engine.Core.Tests.Workflows.Runtime;

/// <summary>
/// Elsa 3.6's token-based flowchart runs when the file asks for it (a mergeMode, or the execution mode on the definition)
/// and never silently: which mode runs is a diagnostic, and an unknown mode is refused.
/// </summary>
public sealed class FlowchartModeTests
{
    /// <summary>A decision whose true branch joins an explicit merge with a branch that never runs: A → (B | C) → D.</summary>
    private static string Flow(string customProperties, string mergeMode) => $$"""
        { "customProperties": { {{customProperties}} },
          "root": { "id": "flow", "type": "Elsa.Flowchart", "activities": [
            { "id": "a", "type": "Elsa.WriteLine", "text": { "typeName": "String", "expression": { "type": "Literal", "value": "A" } } },
            { "id": "d", "type": "Elsa.FlowDecision", "condition": { "typeName": "Boolean", "expression": { "type": "Literal", "value": true } } },
            { "id": "b", "type": "Elsa.WriteLine", "text": { "typeName": "String", "expression": { "type": "Literal", "value": "B" } } },
            { "id": "c", "type": "Elsa.WriteLine", "text": { "typeName": "String", "expression": { "type": "Literal", "value": "C" } } },
            { "id": "j", "type": "Elsa.WriteLine", "customProperties": { {{mergeMode}} }, "text": { "typeName": "String", "expression": { "type": "Literal", "value": "J" } } } ],
            "connections": [
              { "source": { "activity": "a", "port": "Done" }, "target": { "activity": "d", "port": "In" } },
              { "source": { "activity": "d", "port": "True" }, "target": { "activity": "b", "port": "In" } },
              { "source": { "activity": "d", "port": "False" }, "target": { "activity": "c", "port": "In" } },
              { "source": { "activity": "b", "port": "Done" }, "target": { "activity": "j", "port": "In" } },
              { "source": { "activity": "c", "port": "Done" }, "target": { "activity": "j", "port": "In" } } ] } }
        """;

    [Theory]
    [InlineData("", "", FlowchartMode.CounterBased, new[] { "A", "B", "J" })]
    [InlineData("", "\"mergeMode\": \"Stream\"", FlowchartMode.TokenBased, new[] { "A", "B", "J" })]
    [InlineData("", "\"mergeMode\": \"Merge\"", FlowchartMode.TokenBased, new[] { "A", "B" })]
    [InlineData("\"Flowchart:ExecutionMode\": \"CounterBased\"", "\"mergeMode\": \"Merge\"", FlowchartMode.CounterBased, new[] { "A", "B", "J" })]
    [InlineData("\"Flowchart:ExecutionMode\": \"TokenBased\"", "", FlowchartMode.TokenBased, new[] { "A", "B", "J" })]
    public async Task The_mode_the_file_asks_for_decides_whether_a_dead_branch_blocks_a_merge(string definition, string activity, FlowchartMode mode, string[] expected)
    {
        var result = Compile(Flow(definition, activity));

        var run = await WorkflowTestKit.Interpreter().StartAsync(result.Workflow!, WorkflowTestKit.Dossier());

        Assert.Equal(mode, result.Workflow!.Mode);
        Assert.Equal(expected, run.State.LogLines);
    }

    [Fact]
    public void A_merge_mode_switches_the_workflow_to_token_based_with_an_info_naming_the_activity()
    {
        var result = Compile(Flow("", "\"mergeMode\": \"Merge\""));

        var info = Assert.Single(result.Diagnostics);
        Assert.Equal((WorkflowDiagnostics.TokenFlowMode, DiagnosticSeverity.Info, "/root/activities/4/customProperties/mergeMode"), (info.Code, info.Severity, info.JsonPointer));
    }

    [Fact]
    public void A_merge_mode_in_a_workflow_that_asks_for_counter_based_flowcharts_is_a_warning_that_it_has_no_effect()
    {
        var result = Compile(Flow("\"Flowchart:ExecutionMode\": \"CounterBased\"", "\"mergeMode\": \"Merge\""));

        Assert.Equal((WorkflowDiagnostics.TokenFlowMode, DiagnosticSeverity.Warning), (Assert.Single(result.Diagnostics).Code, result.Diagnostics[0].Severity));
    }

    [Theory]
    [InlineData("", "\"mergeMode\": \"Sometimes\"")]
    [InlineData("\"Flowchart:ExecutionMode\": \"Quantum\"", "")]
    public void An_unknown_mode_is_refused_by_name(string definition, string activity)
    {
        var result = WorkflowCompiler.Compile(Encoding.UTF8.GetBytes(Flow(definition, activity)), "w.json", WorkflowCompileContext.Default);

        Assert.Equal(WorkflowDiagnostics.UnknownFlowMode, Assert.Single(result.Diagnostics, d => d.IsError).Code);
    }

    /// <summary>The slow branch starts first (it waits on an event), so it is live when the fast one arrives and is cancelled.</summary>
    [Fact]
    public async Task A_race_lets_the_first_branch_through_and_cancels_the_other()
    {
        var json = """
            { "root": { "id": "flow", "type": "Elsa.Flowchart", "activities": [
                { "id": "fork", "type": "Elsa.FlowFork", "branches": { "typeName": "String[]", "expression": { "type": "Object", "value": "[\"Fast\",\"Slow\"]" } } },
                { "id": "fast", "type": "Elsa.WriteLine", "text": { "typeName": "String", "expression": { "type": "Literal", "value": "Nhanh" } } },
                { "id": "slow", "type": "Elsa.Event", "eventName": { "typeName": "String", "expression": { "type": "Literal", "value": "never" } } },
                { "id": "first", "type": "Elsa.WriteLine", "customProperties": { "mergeMode": "Race" }, "text": { "typeName": "String", "expression": { "type": "Literal", "value": "Về đích" } } } ],
              "connections": [
                { "source": { "activity": "fork", "port": "Slow" }, "target": { "activity": "slow", "port": "In" } },
                { "source": { "activity": "fork", "port": "Fast" }, "target": { "activity": "fast", "port": "In" } },
                { "source": { "activity": "fast", "port": "Done" }, "target": { "activity": "first", "port": "In" } },
                { "source": { "activity": "slow", "port": "Done" }, "target": { "activity": "first", "port": "In" } } ] } }
            """;
        var workflow = Compile(json).Workflow!;

        var run = await WorkflowTestKit.Interpreter().StartAsync(workflow, WorkflowTestKit.Dossier());

        Assert.Equal(WorkflowStatus.Finished, run.Status);
        Assert.Equal(["Nhanh", "Về đích"], run.State.LogLines);
        Assert.Contains(run.State.Trace, t => t.ActivityId == "slow" && t.Event == WorkflowTraceEvent.Cancelled);
    }

    private static WorkflowCompileResult Compile(string json)
    {
        var result = WorkflowCompiler.Compile(Encoding.UTF8.GetBytes(json), "w.json", WorkflowCompileContext.Default);
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics));
        return result;
    }
}
