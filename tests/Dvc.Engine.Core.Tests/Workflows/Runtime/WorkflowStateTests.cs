using System.Text;
using System.Text.Json.Nodes;
using Dvc.Engine.Core.Workflows;
using Dvc.Engine.Core.Workflows.Runtime;

namespace Dvc.Engine.Core.Tests.Workflows.Runtime;

public sealed class WorkflowStateTests
{
    private const string HalfJoined = """
        { "name": "half joined", "variables": [ { "id": "v", "name": "Paid", "typeName": "Boolean", "value": "False" } ],
          "root": { "id": "root", "type": "Elsa.Flowchart",
            "activities": [
              { "id": "a", "type": "Elsa.WriteLine", "text": { "typeName": "String", "expression": { "type": "Literal", "value": "A" } } },
              { "id": "pay", "type": "Dvc.RequestPayment", "amount": { "typeName": "Decimal", "expression": { "type": "Literal", "value": "50000" } },
                "expiresInHours": { "typeName": "Double", "expression": { "type": "Literal", "value": "48" } } },
              { "id": "c", "type": "Elsa.WriteLine", "text": { "typeName": "String", "expression": { "type": "Literal", "value": "C" } } },
              { "id": "join", "type": "Elsa.FlowJoin", "mode": { "typeName": "FlowJoinMode", "expression": { "type": "Literal", "value": "WaitAll" } } },
              { "id": "end", "type": "Elsa.WriteLine", "text": { "typeName": "String", "expression": { "type": "Literal", "value": "End" } } },
              { "id": "late", "type": "Elsa.WriteLine", "text": { "typeName": "String", "expression": { "type": "Literal", "value": "Hết hạn" } } } ],
            "connections": [
              { "source": { "activity": "a", "port": "Done" }, "target": { "activity": "pay", "port": "In" } },
              { "source": { "activity": "a", "port": "Done" }, "target": { "activity": "c", "port": "In" } },
              { "source": { "activity": "pay", "port": "Paid" }, "target": { "activity": "join", "port": "In" } },
              { "source": { "activity": "pay", "port": "Expired" }, "target": { "activity": "late", "port": "In" } },
              { "source": { "activity": "c", "port": "Done" }, "target": { "activity": "join", "port": "In" } },
              { "source": { "activity": "join", "port": "Done" }, "target": { "activity": "end", "port": "In" } } ] } }
        """;

    private readonly CompiledWorkflow _workflow = WorkflowTestKit.CompileBytes(Encoding.UTF8.GetBytes(HalfJoined), "half.json");

    [Fact]
    public async Task Join_counters_variables_bookmarks_and_log_persist_in_the_state_json()
    {
        var started = await WorkflowTestKit.Interpreter().StartAsync(_workflow, WorkflowTestKit.Dossier());

        var json = JsonNode.Parse(started.State.ToJson())!;

        Assert.Equal("Suspended", json["status"]!.GetValue<string>());
        Assert.Equal("Dvc.RequestPayment", json["bookmarks"]![0]!["name"]!.GetValue<string>());
        Assert.NotNull(json["bookmarks"]![0]!["dueAt"]);
        Assert.False(json["variables"]!["v"]!.GetValue<bool>());
        Assert.Equal(["A", "C"], json["log"]!.AsArray().Select(x => x!["message"]!.GetValue<string>()));
        var flowchartFrame = json["frames"]!.AsArray().Single(f => f!["activityId"]!.GetValue<string>() == "root")!;
        Assert.Equal(1, flowchartFrame["properties"]!["connectionVisits"]!["c:Done->join:In"]!.GetValue<long>());
        Assert.True(json["version"]!.GetValue<long>() > 0);
    }

    [Fact]
    public async Task A_half_satisfied_join_completes_after_a_restore_from_json()
    {
        var interpreter = WorkflowTestKit.Interpreter();
        var started = await interpreter.StartAsync(_workflow, WorkflowTestKit.Dossier());
        var restored = WorkflowState.FromJson(started.State.ToJson());

        var paid = await interpreter.ResumeAsync(_workflow, restored, restored.Bookmarks[0].Id, new JsonObject { ["status"] = "Paid", ["transactionId"] = "T1" });

        Assert.Equal(WorkflowStatus.Finished, paid.Status);
        Assert.Equal(["A", "C", "End"], paid.State.LogLines);
        Assert.Equal("T1", paid.State.ActivityOutputs["pay"]["transactionId"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unpaid_request_expires_by_its_timer_and_the_wait_all_join_is_skipped()
    {
        var clock = new ManualClock();
        var interpreter = WorkflowTestKit.Interpreter(clock);
        var started = await interpreter.StartAsync(_workflow, WorkflowTestKit.Dossier());

        clock.Advance(TimeSpan.FromHours(49));
        var expired = await interpreter.ResumeDueTimersAsync(_workflow, started.State);

        Assert.Equal(WorkflowStatus.Finished, expired.Status);
        Assert.Equal("Hết hạn", expired.State.LogLines[^1]);
        Assert.DoesNotContain("End", expired.State.LogLines);
    }

    [Fact]
    public async Task Each_step_increments_the_version()
    {
        var interpreter = WorkflowTestKit.Interpreter();
        var started = await interpreter.StartAsync(_workflow, WorkflowTestKit.Dossier());

        var paid = await interpreter.ResumeAsync(_workflow, started.State, started.Bookmarks[0].Id, new JsonObject { ["status"] = "Paid" });

        Assert.True(paid.State.Version > started.State.Version);
        Assert.Equal(started.State.InstanceId, paid.State.InstanceId);
    }
}
