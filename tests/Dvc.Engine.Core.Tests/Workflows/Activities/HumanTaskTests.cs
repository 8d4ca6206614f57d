using System.Text;
using System.Text.Json.Nodes;
using Dvc.Engine.Core.Workflows;
using Dvc.Engine.Core.Workflows.Runtime;

namespace Dvc.Engine.Core.Tests.Workflows.Activities;

public sealed class HumanTaskTests
{
    private const string Task = """
        { "name": "task", "variables": [ { "id": "d", "name": "Decision", "typeName": "Object" } ],
          "root": { "id": "root", "type": "Elsa.Flowchart", "activities": [
            { "id": "review", "type": "Dvc.HumanTask",
              "role": { "typeName": "String", "expression": { "type": "Literal", "value": "chuyen-vien" } },
              "title": { "typeName": "Object", "expression": { "type": "Literal", "value": { "vi": "Thẩm định", "en": "Review" } } },
              "slaDays": { "typeName": "Double", "expression": { "type": "Literal", "value": "2" } },
              "outcomes": [ "Approve", "Reject" ],
              "form": { "type": "object", "required": [ "reason" ], "properties": { "reason": { "type": "string", "minLength": 3 } } },
              "result": { "typeName": "Object", "memoryReference": { "id": "d" } } },
            { "id": "yes", "type": "Elsa.WriteLine", "text": { "typeName": "String", "expression": { "type": "JavaScript", "value": "'Duyệt: ' + getDecision().data.reason" } } },
            { "id": "no", "type": "Elsa.WriteLine", "text": { "typeName": "String", "expression": { "type": "Literal", "value": "Từ chối" } } } ],
          "connections": [
            { "source": { "activity": "review", "port": "Approve" }, "target": { "activity": "yes", "port": "In" } },
            { "source": { "activity": "review", "port": "Reject" }, "target": { "activity": "no", "port": "In" } } ] } }
        """;

    private readonly CompiledWorkflow _workflow = WorkflowTestKit.CompileBytes(Encoding.UTF8.GetBytes(Task), "task.json");
    private readonly WorkflowInterpreter _interpreter = WorkflowTestKit.Interpreter();

    [Fact]
    public async Task The_bookmark_shows_role_title_sla_outcomes_and_form()
    {
        var started = await _interpreter.StartAsync(_workflow, WorkflowTestKit.Dossier());

        var payload = Assert.Single(started.Bookmarks).Payload!;

        Assert.Equal("chuyen-vien", payload["role"]!.GetValue<string>());
        Assert.Equal("Thẩm định", payload["title"]!["vi"]!.GetValue<string>());
        Assert.Equal(2, payload["slaDays"]!.GetValue<double>());
        Assert.Equal(["Approve", "Reject"], payload["outcomes"]!.AsArray().Select(x => x!.GetValue<string>()));
        Assert.NotNull(payload["form"]);
    }

    [Theory]
    [InlineData("{ \"outcome\": \"Approve\" }")]
    [InlineData("{ \"outcome\": \"Approve\", \"data\": { \"reason\": \"x\" } }")]
    [InlineData("{ \"outcome\": \"Maybe\", \"data\": { \"reason\": \"đủ điều kiện\" } }")]
    [InlineData("{ \"outcome\": 1 }")]
    [InlineData("null")]
    public async Task A_decision_outside_the_outcomes_or_the_form_is_refused(string payload)
    {
        var started = await _interpreter.StartAsync(_workflow, WorkflowTestKit.Dossier());

        var result = await _interpreter.ResumeAsync(_workflow, started.State, started.Bookmarks[0].Id, JsonNode.Parse(payload));

        Assert.False(result.Accepted);
        Assert.Single(result.Bookmarks);
    }

    [Fact]
    public async Task A_valid_decision_completes_with_its_outcome_and_lands_in_the_bound_variable()
    {
        var started = await _interpreter.StartAsync(_workflow, WorkflowTestKit.Dossier());

        var result = await _interpreter.ResumeAsync(_workflow, started.State, started.Bookmarks[0].Id, JsonNode.Parse("""
            { "outcome": "Approve", "comment": "Hồ sơ đầy đủ", "officer": "Lê Văn C", "data": { "reason": "đủ điều kiện" } }
            """));

        Assert.True(result.Accepted, result.Refusal);
        Assert.Equal(WorkflowStatus.Finished, result.Status);
        // The decision is the host's to record (with its label and comment, once); the task logs nothing itself.
        Assert.Equal(["Duyệt: đủ điều kiện"], result.State.LogLines);
        Assert.Equal("Lê Văn C", result.State.Variables["d"]!["officer"]!.GetValue<string>());
    }

    [Fact]
    public async Task Every_outcome_carries_a_label_declared_or_common()
    {
        var json = Task.Replace("""
            "outcomes": [ "Approve", "Reject" ],
            """, """
            "outcomes": [ "Approve", "Reject" ], "outcomeLabels": { "Approve": { "vi": "Đồng ý cấp", "en": "Agree to issue" } },
            """, StringComparison.Ordinal);
        var workflow = WorkflowTestKit.CompileBytes(Encoding.UTF8.GetBytes(json), "task.json");

        var started = await _interpreter.StartAsync(workflow, WorkflowTestKit.Dossier());

        var labels = started.Bookmarks[0].Payload!["outcomeLabels"]!;
        Assert.Equal(("Đồng ý cấp", "Agree to issue"), (labels["Approve"]!["vi"]!.GetValue<string>(), labels["Approve"]!["en"]!.GetValue<string>()));
        Assert.Equal("Từ chối", labels["Reject"]!["vi"]!.GetValue<string>());
    }

    [Fact]
    public void An_outcome_without_any_label_is_a_warning_naming_it()
    {
        var json = Task.Replace("""[ "Approve", "Reject" ]""", """[ "Approve", "Escalate" ]""", StringComparison.Ordinal)
            .Replace("\"port\": \"Reject\"", "\"port\": \"Escalate\"", StringComparison.Ordinal);

        var result = WorkflowCompiler.Compile(Encoding.UTF8.GetBytes(json), "task.json", WorkflowCompileContext.Default);

        var warning = Assert.Single(result.Diagnostics, d => d.Code == WorkflowDiagnostics.OutcomeWithoutLabel);
        Assert.Contains("'Escalate'", warning.Message, StringComparison.Ordinal);
        Assert.NotNull(result.Workflow);
    }
}
