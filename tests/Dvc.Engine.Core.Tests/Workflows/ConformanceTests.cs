using System.Text.Json.Nodes;
using Dvc.Engine.Core.Workflows.Runtime;

namespace Dvc.Engine.Core.Tests.Workflows;

/// <summary>
/// Elsa 3 workflow JSON run through the interpreter; each test asserts the WriteLine order Elsa's default
/// counter-based flowchart and queue-based scheduler produce for the same file.
/// </summary>
public sealed class ConformanceTests
{
    [Theory]
    [InlineData(20, new[] { "Bắt đầu", "Người lớn: An", "Kết thúc" })]
    [InlineData(10, new[] { "Bắt đầu", "Trẻ em", "Kết thúc" })]
    public async Task Decision_with_a_JavaScript_condition_follows_one_branch_and_joins_implicitly(int age, string[] expected)
    {
        var workflow = WorkflowTestKit.Compile("decision-javascript.json");

        var result = await WorkflowTestKit.Interpreter().StartAsync(workflow, WorkflowTestKit.Dossier(new { name = "An", age }));

        Assert.Equal(WorkflowStatus.Finished, result.Status);
        Assert.Equal(expected, result.State.LogLines);
    }

    [Fact]
    public async Task Loop_by_back_edge_with_a_counter_runs_until_the_decision_turns_true_using_flat_connections()
    {
        var workflow = WorkflowTestKit.Compile("loop-flat-connections.json");

        var result = await WorkflowTestKit.Interpreter().StartAsync(workflow, WorkflowTestKit.Dossier());

        Assert.Equal(WorkflowStatus.Finished, result.Status);
        Assert.Equal(["Làm việc", "Thử lại lần 1", "Làm việc", "Thử lại lần 2", "Làm việc", "Xong"], result.State.LogLines);
        Assert.Equal(3m, result.State.Variables["f00dcafe00000001"]!.GetValue<decimal>());
    }

    [Theory]
    [InlineData(50_000, "Nhỏ")]
    [InlineData(500_000, "Vừa")]
    [InlineData(5_000_000, "Lớn")]
    [InlineData(50_000_000, "Không khớp")]
    public async Task Flow_switch_follows_the_first_matching_case_or_default(int fee, string expected)
    {
        var workflow = WorkflowTestKit.Compile("flow-switch.json");

        var result = await WorkflowTestKit.Interpreter().StartAsync(workflow, WorkflowTestKit.Dossier(fee: fee));

        Assert.Equal([expected], result.State.LogLines);
    }

    [Fact]
    public async Task Join_wait_all_runs_after_both_branches()
    {
        var workflow = WorkflowTestKit.Compile("join-wait-all.json");

        var result = await WorkflowTestKit.Interpreter().StartAsync(workflow, WorkflowTestKit.Dossier());

        Assert.Equal(WorkflowStatus.Finished, result.Status);
        Assert.Equal(["A", "B", "C", "End"], result.State.LogLines);
    }

    [Fact]
    public async Task Join_wait_any_runs_on_the_first_branch_and_cancels_the_waiting_one()
    {
        var workflow = WorkflowTestKit.Compile("join-wait-any.json");

        var result = await WorkflowTestKit.Interpreter().StartAsync(workflow, WorkflowTestKit.Dossier());

        Assert.Equal(WorkflowStatus.Finished, result.Status);
        Assert.Equal(["A", "Left", "End"], result.State.LogLines);
        Assert.Empty(result.Bookmarks);
        Assert.Contains(result.State.Trace, x => x.ActivityId == "wait" && x.Event == WorkflowTraceEvent.Cancelled);
    }

    [Fact]
    public async Task Wait_all_join_fed_by_a_dead_path_is_skipped_and_the_fault_branch_faults_the_workflow()
    {
        var workflow = WorkflowTestKit.Compile("fork-decision-join-fault.json");

        var result = await WorkflowTestKit.Interpreter().StartAsync(workflow, WorkflowTestKit.Dossier());

        Assert.Equal(["A", "C", "B", "D"], result.State.LogLines);
        Assert.Equal(WorkflowStatus.Faulted, result.Status);
        Assert.Equal("110002", result.State.Fault!.Code);
        Assert.Contains(result.State.Trace, x => x.ActivityId == "join" && x.Event == WorkflowTraceEvent.Skipped);
    }

    [Fact]
    public async Task Implicit_join_skips_the_dead_branch_and_runs_once()
    {
        var workflow = WorkflowTestKit.Compile("implicit-join-dead-path.json");

        var result = await WorkflowTestKit.Interpreter().StartAsync(workflow, WorkflowTestKit.Dossier());

        Assert.Equal(WorkflowStatus.Finished, result.Status);
        Assert.Equal(["F1", "Merge"], result.State.LogLines);
        Assert.Equal(["t1", "t2"], result.State.Trace.Where(x => x.Event == WorkflowTraceEvent.Skipped).Select(x => x.ActivityId));
    }

    [Fact]
    public async Task Nested_sequences_if_variables_javascript_and_liquid_run_in_order()
    {
        var workflow = WorkflowTestKit.Compile("sequence-variables.json");

        var result = await WorkflowTestKit.Interpreter().StartAsync(workflow, WorkflowTestKit.Dossier(new { name = "An" }));

        Assert.Equal(WorkflowStatus.Finished, result.Status);
        Assert.Equal(["Xin chào An", "X là 42", "X=7, Y=y7"], result.State.LogLines);
    }

    [Fact]
    public async Task Event_and_run_task_bookmarks_resume_and_their_outputs_land_in_variables_and_workflow_outputs()
    {
        var workflow = WorkflowTestKit.Compile("event-output-variable.json");
        var interpreter = WorkflowTestKit.Interpreter();

        var started = await interpreter.StartAsync(workflow, WorkflowTestKit.Dossier());
        var afterEvent = await interpreter.PublishEventAsync(workflow, started.State, "payment-confirmed", new JsonObject { ["amount"] = 150000 });
        var task = Assert.Single(afterEvent.Bookmarks);
        var finished = await interpreter.ResumeAsync(workflow, afterEvent.State, task.Id, new JsonObject { ["archived"] = true });

        Assert.Equal(WorkflowStatus.Suspended, started.Status);
        Assert.Equal("Event", Assert.Single(started.Bookmarks).Name);
        Assert.Equal(("RunTask", "Archive"), (task.Name, task.Key));
        Assert.Equal("HN-2026-000123", task.Payload!["payload"]!["code"]!.GetValue<string>());
        Assert.Equal(WorkflowStatus.Finished, finished.Status);
        Assert.Equal(["Đã nhận 150000", "Lưu trữ: 150000"], finished.State.LogLines);
        Assert.True(finished.State.Outputs["Archived"]!["archived"]!.GetValue<bool>());
        Assert.Equal(300000m, finished.State.Outputs["Total"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task Delay_and_timer_bookmarks_are_due_by_the_injected_clock()
    {
        var workflow = WorkflowTestKit.Compile("delay-timer.json");
        var clock = new ManualClock();
        var interpreter = WorkflowTestKit.Interpreter(clock);

        var started = await interpreter.StartAsync(workflow, WorkflowTestKit.Dossier());
        var early = await interpreter.ResumeDueTimersAsync(workflow, started.State);
        clock.Advance(TimeSpan.FromMinutes(6));
        var afterDelay = await interpreter.ResumeDueTimersAsync(workflow, started.State);
        clock.Advance(TimeSpan.FromDays(1));
        var afterTimer = await interpreter.ResumeDueTimersAsync(workflow, afterDelay.State);

        Assert.Equal(clock.GetUtcNow() - TimeSpan.FromDays(1) - TimeSpan.FromMinutes(1), Assert.Single(started.Bookmarks).DueAt);
        Assert.False(early.Accepted);
        Assert.Equal(["Trước", "Giữa"], afterDelay.State.LogLines);
        Assert.Equal(WorkflowStatus.Finished, afterTimer.Status);
        Assert.Equal(["Trước", "Giữa", "Sau"], afterTimer.State.LogLines);
    }

    [Fact]
    public async Task Fork_wait_all_runs_branches_breadth_first_then_continues()
    {
        var workflow = WorkflowTestKit.Compile("fork-wait-all.json");

        var result = await WorkflowTestKit.Interpreter().StartAsync(workflow, WorkflowTestKit.Dossier());

        Assert.Equal(WorkflowStatus.Finished, result.Status);
        Assert.Equal(["B2", "B1-1", "B1-2", "Sau fork"], result.State.LogLines);
    }

    [Fact]
    public async Task A_file_with_a_utf8_bom_reads_and_runs_the_same()
    {
        var bytes = WorkflowTestKit.Load("join-wait-all.json");
        var withBom = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(bytes).ToArray();
        var workflow = WorkflowTestKit.CompileBytes(withBom, "bom.json");

        var result = await WorkflowTestKit.Interpreter().StartAsync(workflow, WorkflowTestKit.Dossier());

        Assert.Equal(["A", "B", "C", "End"], result.State.LogLines);
    }

    [Fact]
    public async Task A_nested_flowchart_completed_by_Complete_makes_its_parent_follow_that_outcome()
    {
        var workflow = WorkflowTestKit.Compile("nested-flowchart-complete.json");

        var result = await WorkflowTestKit.Interpreter().StartAsync(workflow, WorkflowTestKit.Dossier());

        Assert.Equal(WorkflowStatus.Finished, result.Status);
        Assert.Equal(["Ngoài bên trong", "Trong", "Hợp lệ"], result.State.LogLines);
    }

    [Fact]
    public async Task Without_a_Start_activity_the_one_marked_canStartWorkflow_starts()
    {
        var workflow = WorkflowTestKit.Compile("start-can-start-workflow.json");

        var result = await WorkflowTestKit.Interpreter().StartAsync(workflow, WorkflowTestKit.Dossier());

        Assert.Equal(["Kích hoạt", "Khác"], result.State.LogLines);
    }

    [Fact]
    public async Task Flow_switch_match_any_follows_every_matching_case_and_the_implicit_join_runs_once()
    {
        var workflow = WorkflowTestKit.Compile("switch-match-any.json");

        var result = await WorkflowTestKit.Interpreter().StartAsync(workflow, WorkflowTestKit.Dossier());

        Assert.Equal(WorkflowStatus.Finished, result.Status);
        Assert.Equal(["A", "C trong FlowNode", "Hợp"], result.State.LogLines);
        Assert.Equal("HN-2026-000123", result.State.CorrelationId);
    }

    [Fact]
    public async Task Fork_wait_any_completes_on_the_first_branch_and_finish_ends_the_workflow()
    {
        var workflow = WorkflowTestKit.Compile("fork-wait-any-finish.json");

        var result = await WorkflowTestKit.Interpreter().StartAsync(workflow, WorkflowTestKit.Dossier());

        Assert.Equal(WorkflowStatus.Finished, result.Status);
        Assert.Equal(["Nhanh", "Sau"], result.State.LogLines);
        Assert.Empty(result.Bookmarks);
        Assert.Empty(result.State.Frames);
    }

    [Fact]
    public async Task Chained_wait_any_joins_run_the_last_join_once()
    {
        var workflow = WorkflowTestKit.Compile("join-any-chain.json");

        var result = await WorkflowTestKit.Interpreter().StartAsync(workflow, WorkflowTestKit.Dossier());

        Assert.Equal(["Start", "End"], result.State.LogLines);
        Assert.Single(result.State.ExecutedActivityIds, x => x == "j3");
    }
}
