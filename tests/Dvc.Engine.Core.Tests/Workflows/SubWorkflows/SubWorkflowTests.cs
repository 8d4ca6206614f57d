using System.Text;
using System.Text.Json.Nodes;
using Dvc.Engine.Core.Definitions;
using Dvc.Engine.Core.Workflows;
using Dvc.Engine.Core.Workflows.Runtime;
using Dvc.Engine.Core.Workflows.SubWorkflows;

namespace Dvc.Engine.Core.Tests.Workflows.SubWorkflows;

/// <summary>Workflows calling workflows: waiting children, pinned versions, separate scopes, and the compile-time refusals.</summary>
public sealed class SubWorkflowTests
{
    /// <summary>A reusable officer review: a human task whose decision becomes the activity's outcome.</summary>
    private const string Review = """
        { "id": "review-v1", "definitionId": "review", "name": "Review", "version": 1,
          "inputs": [ { "name": "Role", "type": "String" } ], "outputs": [ { "name": "Comment", "type": "String" } ],
          "outcomes": [ "Approved", "Rejected" ], "options": { "usableAsActivity": true },
          "root": { "id": "flow", "type": "Elsa.Flowchart", "activities": [
            { "id": "task", "type": "Dvc.HumanTask", "role": { "typeName": "String", "expression": { "type": "JavaScript", "value": "getRole()" } },
              "outcomes": [ "Approve", "Reject" ], "result": { "typeName": "Object", "memoryReference": { "id": "Decision" } } },
            { "id": "comment", "type": "Elsa.SetOutput", "outputName": { "typeName": "String", "expression": { "type": "Literal", "value": "Comment" } },
              "outputValue": { "typeName": "Object", "expression": { "type": "JavaScript", "value": "getDecision().comment" } } },
            { "id": "approved", "type": "Elsa.Complete", "outcomes": { "typeName": "Object", "expression": { "type": "Literal", "value": "Approved" } } },
            { "id": "rejected", "type": "Elsa.Complete", "outcomes": { "typeName": "Object", "expression": { "type": "Literal", "value": "Rejected" } } } ],
            "variables": [ { "id": "Decision", "name": "Decision", "typeName": "Object" } ],
            "connections": [
              { "source": { "activity": "task", "port": "Approve" }, "target": { "activity": "comment", "port": "In" } },
              { "source": { "activity": "comment", "port": "Done" }, "target": { "activity": "approved", "port": "In" } },
              { "source": { "activity": "task", "port": "Reject" }, "target": { "activity": "rejected", "port": "In" } } ] } }
        """;

    private const string Parent = """
        { "id": "parent-v1", "definitionId": "parent", "name": "Parent", "version": 1,
          "variables": [ { "id": "Note", "name": "Note", "typeName": "String" } ],
          "root": { "id": "flow", "type": "Elsa.Flowchart", "activities": [
            { "id": "start", "type": "Elsa.Start" },
            { "id": "check", "type": "Review", "version": 1, "workflowDefinitionId": "review",
              "role": { "typeName": "String", "expression": { "type": "Literal", "value": "chuyen-vien" } },
              "comment": { "typeName": "String", "memoryReference": { "id": "Note" } } },
            { "id": "yes", "type": "Elsa.WriteLine", "text": { "typeName": "String", "expression": { "type": "JavaScript", "value": "`Duyệt: ${getNote()}`" } } },
            { "id": "no", "type": "Elsa.WriteLine", "text": { "typeName": "String", "expression": { "type": "Literal", "value": "Từ chối" } } } ],
            "connections": [
              { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "check", "port": "In" } },
              { "source": { "activity": "check", "port": "Approved" }, "target": { "activity": "yes", "port": "In" } },
              { "source": { "activity": "check", "port": "Rejected" }, "target": { "activity": "no", "port": "In" } } ] } }
        """;

    [Fact]
    public async Task A_human_task_in_a_called_workflow_makes_the_caller_wait_and_resumes_from_a_saved_state()
    {
        var workflow = Compile(Parent, ("review.json", Review));
        var interpreter = WorkflowTestKit.Interpreter();

        var started = await interpreter.StartAsync(workflow, WorkflowTestKit.Dossier());
        var saved = WorkflowState.FromJson(started.State.ToJson());
        var task = Assert.Single(saved.Bookmarks);
        var resumed = await interpreter.ResumeAsync(workflow, saved, task.Id, new JsonObject { ["outcome"] = "Approve", ["comment"] = "Đủ hồ sơ" });

        Assert.Equal(WorkflowStatus.Suspended, started.Status);
        Assert.Equal(("check/task", "chuyen-vien"), (task.ActivityId, task.Payload!["role"]!.GetValue<string>()));
        Assert.Equal(WorkflowStatus.Finished, resumed.Status);
        Assert.Equal("Duyệt: Đủ hồ sơ", resumed.State.LogLines[^1]);
        Assert.Equal(new SubWorkflowPin("review", "review-v1", 1, Entry("review.json", Review).ContentHash, "review.json"), Assert.Single(resumed.State.SubWorkflows));
    }

    [Fact]
    public async Task The_called_workflows_outcome_is_the_port_the_caller_follows()
    {
        var workflow = Compile(Parent, ("review.json", Review));
        var interpreter = WorkflowTestKit.Interpreter();

        var started = await interpreter.StartAsync(workflow, WorkflowTestKit.Dossier());
        var resumed = await interpreter.ResumeAsync(workflow, started.State, started.Bookmarks[0].Id, new JsonObject { ["outcome"] = "Reject" });

        Assert.Equal("Từ chối", resumed.State.LogLines[^1]);
        Assert.Contains(resumed.State.Trace, t => t.ActivityId == "check" && t.Event == WorkflowTraceEvent.Completed && t.Outcomes.SequenceEqual(["Rejected"]));
    }

    [Fact]
    public async Task A_dossier_is_not_resumed_on_a_workflow_compiled_with_another_version_of_a_child()
    {
        var before = Compile(Parent, ("review.json", Review));
        var after = Compile(Parent, ("review.json", Review.Replace("getDecision().comment", "'(không ghi chú)'", StringComparison.Ordinal)));
        var interpreter = WorkflowTestKit.Interpreter();

        var started = await interpreter.StartAsync(before, WorkflowTestKit.Dossier());
        var refused = await interpreter.ResumeAsync(after, started.State, started.Bookmarks[0].Id, new JsonObject { ["outcome"] = "Approve" });
        var accepted = await interpreter.ResumeAsync(before, started.State, started.Bookmarks[0].Id, new JsonObject { ["outcome"] = "Approve" });

        Assert.False(refused.Accepted);
        Assert.Contains("'review' version 1", refused.Refusal, StringComparison.Ordinal);
        Assert.True(accepted.Accepted);
    }

    [Fact]
    public async Task Calls_running_at_once_in_a_parallel_for_each_keep_their_own_inputs_and_variables()
    {
        const string child = """
            { "id": "hold-v1", "definitionId": "hold", "name": "Hold", "version": 1, "inputs": [ { "name": "Item", "type": "Int32" } ],
              "options": { "usableAsActivity": true },
              "root": { "id": "s", "type": "Elsa.Sequence", "variables": [ { "id": "Seen", "name": "Seen", "typeName": "Int32" } ], "activities": [
                { "id": "keep", "type": "Elsa.SetVariable", "variable": { "id": "Seen", "name": "Seen", "typeName": "Int32" },
                  "value": { "typeName": "Object", "expression": { "type": "JavaScript", "value": "getItem() * 10" } } },
                { "id": "wait", "type": "Dvc.HumanTask", "outcomes": [ "OK" ] },
                { "id": "say", "type": "Elsa.WriteLine", "text": { "typeName": "String", "expression": { "type": "JavaScript", "value": "`${getItem()}:${getSeen()}`" } } } ] } }
            """;
        const string parent = """
            { "id": "p", "definitionId": "p", "name": "P", "root": { "id": "each", "type": "Elsa.ParallelForEach",
              "items": { "typeName": "Object", "expression": { "type": "Object", "value": "[1, 2]" } },
              "body": { "id": "call", "type": "Hold", "item": { "typeName": "Int32", "expression": { "type": "JavaScript", "value": "getCurrentValue()" } } } } }
            """;
        var workflow = Compile(parent, ("hold.json", child));
        var interpreter = WorkflowTestKit.Interpreter();

        var started = await interpreter.StartAsync(workflow, WorkflowTestKit.Dossier());
        var second = await interpreter.ResumeAsync(workflow, started.State, started.Bookmarks[1].Id, new JsonObject { ["outcome"] = "OK" });
        var first = await interpreter.ResumeAsync(workflow, second.State, second.Bookmarks[0].Id, new JsonObject { ["outcome"] = "OK" });

        Assert.Equal(2, started.Bookmarks.Count);
        Assert.Equal(["2:20", "1:10"], first.State.LogLines.Where(l => char.IsDigit(l[0])));
        Assert.Equal(WorkflowStatus.Finished, first.Status);
    }

    [Fact]
    public async Task A_child_started_without_waiting_that_waits_lets_the_parent_go_on_and_keeps_the_instance_open()
    {
        const string child = """
            { "id": "c-v1", "definitionId": "c", "name": "C", "version": 1,
              "root": { "id": "s", "type": "Elsa.Sequence", "activities": [
                { "id": "wait", "type": "Dvc.HumanTask", "outcomes": [ "OK" ] },
                { "id": "done", "type": "Elsa.WriteLine", "text": { "typeName": "String", "expression": { "type": "Literal", "value": "Con xong" } } } ] } }
            """;
        const string parent = """
            { "id": "p", "definitionId": "p", "name": "P", "root": { "id": "s", "type": "Elsa.Sequence", "activities": [
              { "id": "run", "type": "Elsa.ExecuteWorkflow", "workflowDefinitionId": { "typeName": "String", "expression": { "type": "Literal", "value": "c" } },
                "waitForCompletion": { "typeName": "Boolean", "expression": { "type": "Literal", "value": false } } },
              { "id": "after", "type": "Elsa.WriteLine", "text": { "typeName": "String", "expression": { "type": "Literal", "value": "Cha tiếp tục" } } } ] } }
            """;
        var workflow = Compile(parent, ("c.json", child));
        var interpreter = WorkflowTestKit.Interpreter();

        var started = await interpreter.StartAsync(workflow, WorkflowTestKit.Dossier());
        var resumed = await interpreter.ResumeAsync(workflow, started.State, started.Bookmarks[0].Id, new JsonObject { ["outcome"] = "OK" });

        Assert.Equal(["Cha tiếp tục"], started.State.LogLines);
        Assert.Equal(WorkflowStatus.Suspended, started.Status);
        Assert.Equal("Suspended", started.State.ActivityOutputs["run"]["result"]!["subStatus"]!.GetValue<string>());
        Assert.Equal(WorkflowStatus.Finished, resumed.Status);
        Assert.Equal("Con xong", resumed.State.LogLines[^1]);
    }

    [Fact]
    public async Task A_workflow_used_as_an_activity_reads_the_dossiers_inputs_and_an_executed_one_only_what_it_was_given()
    {
        const string child = """
            { "id": "fee-v1", "definitionId": "fee", "name": "Fee", "version": 1, "options": { "usableAsActivity": true },
              "root": { "id": "say", "type": "Elsa.WriteLine", "text": { "typeName": "String", "expression": { "type": "JavaScript", "value": "`${getInput('fee')}`" } } } }
            """;
        const string parent = """
            { "root": { "id": "s", "type": "Elsa.Sequence", "activities": [
              { "id": "asActivity", "type": "Fee" },
              { "id": "executed", "type": "Elsa.ExecuteWorkflow", "workflowDefinitionId": { "typeName": "String", "expression": { "type": "Literal", "value": "fee" } },
                "waitForCompletion": { "typeName": "Boolean", "expression": { "type": "Literal", "value": true } } } ] } }
            """;
        var workflow = Compile(parent, ("fee.json", child));

        var result = await WorkflowTestKit.Interpreter().StartAsync(workflow, WorkflowTestKit.Dossier(fee: 135000));

        Assert.Equal(["135000", "null"], result.State.LogLines);
    }

    [Fact]
    public void A_workflow_that_calls_itself_through_another_is_a_cycle_diagnostic()
    {
        var a = Parent.Replace("\"Review\"", "\"Loop\"", StringComparison.Ordinal).Replace("\"review\"", "\"loop\"", StringComparison.Ordinal);
        var loop = """
            { "id": "loop-v1", "definitionId": "loop", "name": "Loop", "version": 1, "outcomes": [ "Approved", "Rejected" ], "options": { "usableAsActivity": true },
              "root": { "id": "again", "type": "Loop" } }
            """;

        var result = CompileResult(a, ("loop.json", loop));

        var cycle = Assert.Single(result.Diagnostics, d => d.Code == WorkflowDiagnostics.SubWorkflowCycle);
        Assert.Equal("loop.json", cycle.File);
        Assert.Contains("loop → loop", cycle.Message, StringComparison.Ordinal);
        Assert.False(result.Success);
    }

    [Fact]
    public void A_call_to_a_definition_the_library_does_not_hold_names_the_definition()
    {
        var result = CompileResult(Parent);

        var missing = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal((WorkflowDiagnostics.MissingSubWorkflow, "/root/activities/1/workflowDefinitionId"), (missing.Code, missing.JsonPointer));
        Assert.Contains("'review'", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Execute_workflow_must_name_its_child_with_a_literal()
    {
        const string parent = """
            { "root": { "id": "run", "type": "Elsa.ExecuteWorkflow",
              "workflowDefinitionId": { "typeName": "String", "expression": { "type": "JavaScript", "value": "'c'" } } } }
            """;

        var result = CompileResult(parent);

        Assert.Equal(WorkflowDiagnostics.DynamicSubWorkflow, Assert.Single(result.Diagnostics, d => d.IsError).Code);
    }

    [Fact]
    public void A_library_with_two_files_for_one_definition_version_reports_the_second()
    {
        var diagnostics = new List<Diagnostic>();

        var library = WorkflowLibrary.Create([("a.json", Bytes(Review)), ("b.json", Bytes(Review))], diagnostics);

        Assert.Single(library.Entries);
        Assert.Equal(("b.json", WorkflowDiagnostics.DuplicateWorkflowDefinition), (Assert.Single(diagnostics).File, diagnostics[0].Code));
    }

    [Fact]
    public void Definitions_usable_as_activities_are_palette_descriptors_with_their_inputs_outputs_and_outcomes()
    {
        var library = WorkflowLibrary.Create([("review.json", Bytes(Review))], []);

        var descriptor = Assert.Single(library.Descriptors());

        Assert.Equal("Review", descriptor.Type);
        Assert.Equal(["role"], descriptor.Inputs.Select(i => i.Name));
        Assert.Equal(["comment"], descriptor.Outputs.Select(o => o.Name));
        Assert.Equal(["Approved", "Rejected"], descriptor.Outcomes);
    }

    private static CompiledWorkflow Compile(string json, params (string File, string Json)[] library)
    {
        var result = CompileResult(json, library);
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics));
        return result.Workflow!;
    }

    private static WorkflowCompileResult CompileResult(string json, params (string File, string Json)[] library) =>
        WorkflowCompiler.Compile(Bytes(json), "parent.json", WorkflowCompileContext.Default with
        {
            Library = WorkflowLibrary.Create(library.Select(l => (l.File, Bytes(l.Json))), []),
        });

    private static WorkflowLibraryEntry Entry(string file, string json) => WorkflowLibrary.Create([(file, Bytes(json))], []).Entries[0];

    private static ReadOnlyMemory<byte> Bytes(string json) => Encoding.UTF8.GetBytes(json);
}
