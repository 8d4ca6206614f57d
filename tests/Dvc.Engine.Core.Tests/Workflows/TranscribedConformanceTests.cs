using Dvc.Engine.Core.Workflows.Runtime;

namespace Dvc.Engine.Core.Tests.Workflows;

/// <summary>
/// Elsa's own C# test workflows for While, For, ForEach, Switch, Break and RunJavaScript, written out as the JSON Elsa
/// Studio exports (Conformance/transcribed; each file's description names the Elsa test), held to that test's assertions.
/// </summary>
public sealed class TranscribedConformanceTests
{
    [Theory]
    [InlineData("break-foreach.json", new[] { "Start", "C#", "End" })]
    [InlineData("break-nested-foreach.json", new[] { "C#", "Classes", "Rust", "Classes", "Go", "Classes" })]
    [InlineData("break-for.json", new[] { "Start", "0", "1", "End" })]
    [InlineData("break-while.json", new[] { "Start", "1", "2", "End" })]
    [InlineData("foreach-break-current-value.json", new[] { "a" })]
    [InlineData("switch-match-first.json", new[] { "Case 2", "After" })]
    [InlineData("switch-match-any.json", new[] { "Case 2", "Case 3", "Case 5", "After" })]
    [InlineData("switch-default.json", new[] { "Default", "After" })]
    public async Task Loops_breaks_and_switches_write_what_Elsas_tests_expect(string file, string[] expected)
    {
        var workflow = WorkflowTestKit.Compile("transcribed/" + file);

        var result = await WorkflowTestKit.Interpreter().StartAsync(workflow, WorkflowTestKit.Dossier());

        Assert.Equal(WorkflowStatus.Finished, result.Status);
        Assert.Equal(expected, result.State.LogLines);
    }

    [Fact]
    public async Task For_counts_down_with_a_negative_step_and_stops_before_an_exclusive_end()
    {
        var workflow = WorkflowTestKit.Compile("transcribed/for-descending.json");

        var result = await WorkflowTestKit.Interpreter().StartAsync(workflow, WorkflowTestKit.Dossier());

        Assert.Equal(["5", "4", "3", "2", "1", "1", "2"], result.State.LogLines);
    }

    [Fact]
    public async Task Run_javascript_returns_its_result_and_follows_the_outcome_the_script_set()
    {
        var workflow = WorkflowTestKit.Compile("transcribed/run-javascript-outcomes.json");

        var result = await WorkflowTestKit.Interpreter().StartAsync(workflow, WorkflowTestKit.Dossier());

        Assert.Equal(["Large: 30"], result.State.LogLines);
        Assert.Equal(30m, result.State.Variables["Sum"]!.GetValue<decimal>());
    }
}
