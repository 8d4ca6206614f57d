using System.Text.Json.Nodes;
using Dvc.Engine.Core.Workflows;
using Dvc.Engine.Core.Workflows.Runtime;

namespace Dvc.Engine.Core.Tests.Workflows;

/// <summary>
/// Workflow files from elsa-core's own test suite (commit 1c0fb909, Elsa 3.8; see Conformance/README.md), each run
/// here and held to what the Elsa test of that file asserts. Sub-workflows are resolved from the other files of the
/// same scenario, as the Elsa test imports them.
/// </summary>
public sealed class ElsaRepositoryConformanceTests
{
    /// <summary>
    /// Files whose Elsa test checks the lines written and the end (or, for the ones whose Elsa test checks the server
    /// around the run — publishing, logs, migrations — that the run ends without a fault, with the lines the file writes).
    /// </summary>
    [Theory]
    [InlineData("ImportAndExecute", "writeline.json", new[] { "Dummy Text" })]
    [InlineData("ImportAndExecute", "implicit-loop.json", new[] { "Do something", "Retry", "Do something", "Done" })]
    [InlineData("BasicWorkflows", "hello-world.json", new[] { "Hello World!" })]
    [InlineData("RestApis", "hello-world.json", new[] { "Hello World!" })]
    [InlineData("WorkflowCompletion", "hello-world.json", new[] { "Hello World!" })]
    [InlineData("WorkflowCompletion", "fork.json", new[] { "One", "Two", "Three" })]
    [InlineData("ExplicitJoins", "join-any-1.json", new[] { "Start", "End" })]
    [InlineData("ExplicitJoins", "join-all-1.json", new[] { "Start", "Line 1", "Line 2", "End" })]
    [InlineData("ExplicitJoins", "join-all-2.json", new[] { "Start", "Line 1", "Line 2", "End" })]
    [InlineData("Alterations", "version-1.json", new[] { "Version 1" })]
    [InlineData("Alterations", "version-2.json", new[] { "Version 2" })]
    [InlineData("CachingAndWorkflowDefinitionActivity", "workflow-definition-child.json", new[] { "Grand Child" })]
    [InlineData("WorkflowJsonStructures", "main.json", new[] { "Test", "Test" })]
    [InlineData("LogPersistenceModes", "input-output-logging-1.json", new[] { "This input should be stored", "This input should not be stored", "This input should be stored", "This input should not be stored" })]
    [InlineData("LogPersistenceModes", "input-output-logging-3.json", new string[0])]
    [InlineData("JsonObjectSerialization", "instance-serialization.json", new string[0])]
    [InlineData("DependencyWorkflowsPublishing", "parent.json", new string[0])]
    [InlineData("ImportAndPublish", "timer-workflow.json", new[] { "Hello from timer" })]
    public async Task Files_run_to_the_end_writing_the_lines_Elsa_expects(string scenario, string file, string[] expected)
    {
        var workflow = WorkflowTestKit.CompileElsa(scenario, file);

        var result = await WorkflowTestKit.RunUntilEndAsync(workflow);

        Assert.Equal(WorkflowStatus.Finished, result.Status);
        Assert.Equal(expected, result.State.LogLines);
    }

    [Fact]
    public async Task An_explicit_wait_all_join_in_token_mode_blocks_while_a_branch_before_it_faults()
    {
        var workflow = WorkflowTestKit.CompileElsa("JoinBehaviors", "fork-decision-join-waitall.json", tokenBased: true);

        var result = await WorkflowTestKit.RunUntilEndAsync(workflow);

        Assert.Equal(FlowchartMode.TokenBased, workflow.Mode);
        Assert.Equal(["A", "C", "B", "D"], result.State.LogLines);
    }

    [Fact]
    public async Task A_join_reached_by_two_branches_in_token_mode_completes_once()
    {
        var workflow = WorkflowTestKit.CompileElsa("JoinBehaviors", "join.json", tokenBased: true);

        var result = await WorkflowTestKit.RunUntilEndAsync(workflow);

        Assert.Equal(WorkflowStatus.Finished, result.Status);
        Assert.Single(result.State.Trace, t => t.ActivityId == "802725996be1b582" && t.Event == WorkflowTraceEvent.Completed);
    }

    [Fact]
    public async Task Set_name_in_a_workflow_used_two_levels_down_names_the_instance()
    {
        var workflow = WorkflowTestKit.CompileElsa("WorkflowReferenceGraph", "refgraph-parent.json");

        var result = await WorkflowTestKit.RunUntilEndAsync(workflow);

        Assert.Equal(WorkflowStatus.Finished, result.Status);
        Assert.Equal("Grandchild", result.State.Name);
    }

    [Theory]
    [InlineData("fork-decision-join-none.json", new[] { "A", "C" })]
    [InlineData("fork-decision-join-converge.json", new[] { "A" })]
    [InlineData("fork-decision-join-converge-strict.json", new[] { "A" })]
    public async Task Merge_modes_join_as_Elsas_token_based_flowchart_does(string file, string[] expected)
    {
        var workflow = WorkflowTestKit.CompileElsa("JoinBehaviors", file);

        var result = await WorkflowTestKit.RunUntilEndAsync(workflow);

        Assert.Equal(FlowchartMode.TokenBased, workflow.Mode);
        Assert.Equal(expected, result.State.LogLines);
    }

    [Fact]
    public async Task An_implicit_join_of_both_decision_branches_in_stream_mode_finishes()
    {
        var workflow = WorkflowTestKit.CompileElsa("JoinBehaviors", "decision-merge-join-none.json");

        var result = await WorkflowTestKit.RunUntilEndAsync(workflow);

        Assert.Equal(WorkflowStatus.Finished, result.Status);
    }

    [Fact]
    public async Task A_parallel_for_each_whose_body_has_a_join_completes_once()
    {
        var workflow = WorkflowTestKit.CompileElsa("JoinBehaviors", "parallel-join.json");

        var result = await WorkflowTestKit.RunUntilEndAsync(workflow);

        Assert.Equal(WorkflowStatus.Finished, result.Status);
        Assert.Single(result.State.Trace, t => t.ActivityId == "70fc1183cd5800f2" && t.Event == WorkflowTraceEvent.Completed);
    }

    [Theory]
    [InlineData("parent-no-wait.json", new[] { "Parent: Before child", "Child: Executing", "Parent: After child" })]
    [InlineData("parent-with-input.json", new[] { "Child received: Hello from parent" })]
    [InlineData("parent-capture-output.json", new[] { "Child output: 42", "Parent received: 42" })]
    public async Task Execute_workflow_runs_the_child_with_its_input_and_captures_its_output(string file, string[] expected)
    {
        var workflow = WorkflowTestKit.CompileElsa("ExecuteWorkflow", file);

        var result = await WorkflowTestKit.RunUntilEndAsync(workflow);

        Assert.Equal(WorkflowStatus.Finished, result.Status);
        Assert.All(expected, line => Assert.Contains(line, result.State.LogLines));
    }

    [Fact]
    public async Task Execute_workflow_waiting_for_completion_runs_the_child_between_the_parents_lines()
    {
        var workflow = WorkflowTestKit.CompileElsa("ExecuteWorkflow", "parent-with-wait.json");

        var result = await WorkflowTestKit.RunUntilEndAsync(workflow);

        Assert.Equal(WorkflowStatus.Finished, result.Status);
        Assert.Equal(["Parent: Before child", "Child: Executing", "Parent: After child"], result.State.LogLines);
    }

    [Fact]
    public async Task Execute_workflow_gives_the_child_its_correlation_id()
    {
        var workflow = WorkflowTestKit.CompileElsa("ExecuteWorkflow", "parent-with-correlation.json");

        var result = await WorkflowTestKit.RunUntilEndAsync(workflow);

        Assert.Equal(WorkflowStatus.Finished, result.Status);
        Assert.Equal("test-correlation-123", result.State.ActivityOutputs["ExecuteWorkflow1"]["result"]!["correlationId"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("parent-with-input.json", "Hello from parent!")]
    [InlineData("parent-with-output.json", "Received from child: Child output value")]
    [InlineData("parent-with-outcomes.json", "Success path taken")]
    [InlineData("parent-version-fallback.json", "Published version executed")]
    [InlineData("parent-with-io.json", "Test message")]
    public async Task Workflows_used_as_activities_take_inputs_give_outputs_and_outcomes(string file, string expected)
    {
        var workflow = WorkflowTestKit.CompileElsa("WorkflowDefinitionActivities", file);

        var result = await WorkflowTestKit.RunUntilEndAsync(workflow);

        Assert.Equal(WorkflowStatus.Finished, result.Status);
        Assert.Contains(expected, result.State.LogLines);
    }

    [Fact]
    public async Task Complete_in_a_nested_workflow_activity_does_not_cascade_to_its_callers()
    {
        var workflow = WorkflowTestKit.CompileElsa("CompositesAndOutcomes", "tester.json");

        var result = await WorkflowTestKit.RunUntilEndAsync(workflow);

        Assert.Equal(WorkflowStatus.Finished, result.Status);
        Assert.Equal(["Start", "End"], result.State.LogLines);
    }

    [Fact]
    public async Task Workflows_nested_three_deep_each_run_every_time_they_are_used()
    {
        var workflow = WorkflowTestKit.CompileElsa("DependencyWorkflows", "matter-activity.json");

        var result = await WorkflowTestKit.RunUntilEndAsync(workflow);

        Assert.Equal(Enumerable.Repeat("Atom", 9), result.State.LogLines);
    }

    [Theory]
    [InlineData("parent1.json", new[] { "Parent: Foo", "Child: Bar" })]
    [InlineData("parent2.json", new[] { "Parent: Foo", "Child: Foo" })]
    public async Task A_child_reads_its_own_input_even_when_the_parent_has_an_input_of_the_same_name(string file, string[] expected)
    {
        var workflow = WorkflowTestKit.CompileElsa("ParentChildInputs", file);

        var result = await WorkflowTestKit.RunUntilEndAsync(workflow, new JsonObject { ["Input1"] = "Foo" });

        Assert.Equal(expected, result.State.LogLines);
    }

    [Fact]
    public async Task A_run_javascript_result_becomes_the_child_output_the_parent_maps_to_its_variable()
    {
        var workflow = WorkflowTestKit.CompileElsa("ParentChildOutputMapping", "calculator.json");

        var result = await WorkflowTestKit.RunUntilEndAsync(workflow);

        Assert.Equal(["Result: 9"], result.State.LogLines);
    }

    [Fact]
    public async Task A_parent_invoking_a_child_that_runs_javascript_and_completes_with_an_outcome_finishes()
    {
        var workflow = WorkflowTestKit.CompileElsa("ParentChildCompletion", "parent.json");

        var result = await WorkflowTestKit.RunUntilEndAsync(workflow);

        Assert.Equal(WorkflowStatus.Finished, result.Status);
        Assert.Equal("Success", result.State.LogLines[^1]);
    }

    [Fact]
    public async Task Input_received_by_the_provider_comes_back_to_the_consumers_variable()
    {
        var workflow = WorkflowTestKit.CompileElsa("InputOutput", "consumer.json");

        var result = await WorkflowTestKit.RunUntilEndAsync(workflow);

        Assert.Equal("Hello World!", result.State.Variables["67fcb9870af4c28e"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("workflow1.json")]
    [InlineData("workflow2.json")]
    [InlineData("workflow3.json")]
    [InlineData("workflow4.json")]
    [InlineData("workflow5.json")]
    [InlineData("workflow6.json")]
    public async Task Flowcharts_complete_when_no_work_is_left(string file)
    {
        var workflow = WorkflowTestKit.CompileElsa("FlowchartCompletion", file);

        var result = await WorkflowTestKit.RunUntilEndAsync(workflow);

        Assert.Equal(WorkflowStatus.Finished, result.Status);
    }

    [Fact]
    public async Task A_cron_activity_waits_for_the_next_occurrence_then_continues()
    {
        var workflow = WorkflowTestKit.CompileElsa("ImportAndPublish", "cron-every-hour.json", withLibrary: false);
        var clock = new ManualClock();
        var interpreter = WorkflowTestKit.Interpreter(clock);

        var started = await interpreter.StartAsync(workflow, WorkflowTestKit.Dossier());
        clock.Advance(TimeSpan.FromHours(1));
        var resumed = await interpreter.ResumeDueTimersAsync(workflow, started.State);

        var due = Assert.Single(started.Bookmarks).DueAt!.Value;
        Assert.Equal((0, 0), (due.Minute, due.Second));
        Assert.InRange(due - clock.GetUtcNow().AddHours(-1), TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        Assert.Equal(["Hello every hour"], resumed.State.LogLines);
    }

    [Fact]
    public void A_bad_cron_expression_is_refused_with_cronos_reason()
    {
        var result = WorkflowTestKit.CompileElsaResult("ImportAndPublish", "bad-cron-expression.json");

        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal(WorkflowDiagnostics.InvalidCron, error.Code);
        Assert.Contains("Seconds: Value must be a number between 0 and 59 (all inclusive).", error.Message, StringComparison.Ordinal);
    }
}
