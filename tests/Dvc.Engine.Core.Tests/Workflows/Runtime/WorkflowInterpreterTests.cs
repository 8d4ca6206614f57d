using System.Text;
using System.Text.Json.Nodes;
using Dvc.Engine.Core.Workflows;
using Dvc.Engine.Core.Workflows.Runtime;
using Sdk = Dvc.Engine.Sdk;

namespace Dvc.Engine.Core.Tests.Workflows.Runtime;

public sealed class WorkflowInterpreterTests
{
    private const string TwoListeners = """
        { "name": "two listeners", "root": { "id": "root", "type": "Elsa.Flowchart",
            "activities": [
              { "id": "fork", "type": "Elsa.FlowFork", "branches": { "typeName": "String[]", "expression": { "type": "Object", "value": "[\"x\",\"y\"]" } } },
              { "id": "e1", "type": "Elsa.Event", "eventName": { "typeName": "String", "expression": { "type": "Literal", "value": "go" } } },
              { "id": "e2", "type": "Elsa.Event", "eventName": { "typeName": "String", "expression": { "type": "Literal", "value": "go" } } },
              { "id": "w", "type": "Elsa.WriteLine", "text": { "typeName": "String", "expression": { "type": "JavaScript", "value": "getOutputFrom('e1').n + getOutputFrom('e2').n" } } } ],
            "connections": [
              { "source": { "activity": "fork", "port": "x" }, "target": { "activity": "e1", "port": "In" } },
              { "source": { "activity": "fork", "port": "y" }, "target": { "activity": "e2", "port": "In" } },
              { "source": { "activity": "e1", "port": "Done" }, "target": { "activity": "w", "port": "In" } },
              { "source": { "activity": "e2", "port": "Done" }, "target": { "activity": "w", "port": "In" } } ] } }
        """;

    private readonly CompiledWorkflow _workflow = WorkflowTestKit.CompileBytes(Encoding.UTF8.GetBytes(TwoListeners), "two.json");
    private readonly WorkflowInterpreter _interpreter = WorkflowTestKit.Interpreter();

    [Fact]
    public async Task Publishing_an_event_resumes_every_bookmark_waiting_for_it()
    {
        var started = await _interpreter.StartAsync(_workflow, WorkflowTestKit.Dossier());

        var result = await _interpreter.PublishEventAsync(_workflow, started.State, "go", new JsonObject { ["n"] = 21 });

        Assert.Equal(2, started.Bookmarks.Count);
        Assert.Equal(WorkflowStatus.Finished, result.Status);
        Assert.Equal(["42"], result.State.LogLines);
    }

    [Fact]
    public async Task An_event_nobody_waits_for_is_refused()
    {
        var started = await _interpreter.StartAsync(_workflow, WorkflowTestKit.Dossier());

        var result = await _interpreter.PublishEventAsync(_workflow, started.State, "other");

        Assert.False(result.Accepted);
        Assert.Same(started.State, result.State);
    }

    [Fact]
    public async Task An_unknown_bookmark_is_refused()
    {
        var started = await _interpreter.StartAsync(_workflow, WorkflowTestKit.Dossier());

        var result = await _interpreter.ResumeAsync(_workflow, started.State, "no-such-bookmark", null);

        Assert.False(result.Accepted);
        Assert.Equal(2, result.Bookmarks.Count);
    }

    [Fact]
    public async Task A_finished_instance_cannot_be_resumed()
    {
        var started = await _interpreter.StartAsync(_workflow, WorkflowTestKit.Dossier());
        var bookmarkId = started.Bookmarks[0].Id;
        var finished = await _interpreter.PublishEventAsync(_workflow, started.State, "go", new JsonObject { ["n"] = 1 });

        var again = await _interpreter.ResumeAsync(_workflow, finished.State, bookmarkId, null);

        Assert.False(again.Accepted);
        Assert.Equal(WorkflowStatus.Finished, again.Status);
    }

    [Fact]
    public async Task Complete_without_an_enclosing_flowchart_ends_the_workflow_with_its_outcomes()
    {
        var json = """
            { "name": "complete", "root": { "id": "seq", "type": "Elsa.Sequence", "activities": [
              { "id": "a", "type": "Elsa.WriteLine", "text": { "typeName": "String", "expression": { "type": "Literal", "value": "A" } } },
              { "id": "inner", "type": "Elsa.Sequence", "activities": [
                { "id": "c", "type": "Elsa.Complete", "outcomes": { "typeName": "Object", "expression": { "type": "Literal", "value": "Approved" } } } ] },
              { "id": "b", "type": "Elsa.WriteLine", "text": { "typeName": "String", "expression": { "type": "Literal", "value": "B" } } } ] } }
            """;
        var workflow = WorkflowTestKit.CompileBytes(Encoding.UTF8.GetBytes(json), "complete.json");

        var result = await _interpreter.StartAsync(workflow, WorkflowTestKit.Dossier());

        Assert.Equal(WorkflowStatus.Finished, result.Status);
        Assert.Equal(["A"], result.State.LogLines);
        Assert.Equal(["Approved"], result.State.Outcomes);
    }

    [Fact]
    public async Task A_throwing_activity_faults_the_instance_instead_of_the_host()
    {
        var registry = ActivityRegistry.CreateDefault();
        registry.Add<Throws>();
        var json = """{ "name": "t", "root": { "id": "x", "type": "Test.Throws" } }""";
        var workflow = WorkflowTestKit.CompileBytes(Encoding.UTF8.GetBytes(json), "t.json", new WorkflowCompileContext(null, registry));

        var result = await _interpreter.StartAsync(workflow, WorkflowTestKit.Dossier());

        Assert.Equal(WorkflowStatus.Faulted, result.Status);
        Assert.Contains("boom", result.State.Fault!.Message, StringComparison.Ordinal);
    }

    [Sdk.Activity("Test.Throws")]
    public sealed class Throws : Sdk.ActivityBase
    {
        public override ValueTask<Sdk.ActivityResult> ExecuteAsync(Sdk.ActivityContext context, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("boom");
    }

    [Fact]
    public async Task A_resume_with_the_dossier_as_it_is_now_lets_later_activities_read_the_corrected_data_and_fee()
    {
        var workflow = WorkflowTestKit.CompileBytes(System.Text.Encoding.UTF8.GetBytes("""
            { "root": { "id": "root", "type": "Elsa.Flowchart", "activities": [
                { "id": "wait", "type": "Dvc.WaitForSupplement" },
                { "id": "say", "type": "Elsa.WriteLine", "text": { "typeName": "String", "expression": { "type": "JavaScript", "value": "getData().extraCopies + ' bản, ' + getFee()" } } } ],
              "connections": [ { "source": { "activity": "wait", "port": "Supplemented" }, "target": { "activity": "say", "port": "In" } } ] } }
            """), "resume.json");
        var interpreter = WorkflowTestKit.Interpreter();
        var started = await interpreter.StartAsync(workflow, WorkflowTestKit.Dossier(new { extraCopies = 0 }, fee: 0m));

        var corrected = WorkflowTestKit.Dossier(new { extraCopies = 8 }, fee: 64000m);
        var resumed = await interpreter.ResumeAsync(workflow, started.State, started.Bookmarks[0].Id, JsonNode.Parse("""{ "data": { "extraCopies": 8 } }"""), corrected);

        Assert.True(resumed.Accepted, resumed.Refusal);
        Assert.Equal(["8 bản, 64000"], resumed.State.LogLines);
        Assert.Equal(0, started.State.Input["data"]!["extraCopies"]!.GetValue<int>());
    }
}
