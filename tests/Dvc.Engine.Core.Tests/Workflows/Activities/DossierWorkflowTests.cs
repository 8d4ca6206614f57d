using System.Text.Json.Nodes;
using Dvc.Engine.Core.Workflows;
using Dvc.Engine.Core.Workflows.Dossiers;
using Dvc.Engine.Core.Workflows.Runtime;

namespace Dvc.Engine.Core.Tests.Workflows.Activities;

/// <summary>A licensing procedure's workflow: reception, rules, payment, approval, result, notification, portal sync.</summary>
public sealed class DossierWorkflowTests
{
    private static readonly WorkflowCompileContext Procedure = new(["chuyen-vien", "lanh-dao"], ActivityRegistry.CreateDefault());
    private readonly ManualClock _clock = new();
    private readonly InMemoryDossierServices _services;
    private readonly WorkflowInterpreter _interpreter;
    private readonly CompiledWorkflow _workflow = WorkflowTestKit.Compile("dvc-approval.json", Procedure);

    public DossierWorkflowTests()
    {
        _services = new InMemoryDossierServices(
            rules: (name, dossier) => new RulesEvaluation(dossier.Data.GetProperty("age").GetInt32() >= 18, new JsonObject { ["rule"] = name }),
            templates: (name, model) => $"{name}: {model["data"]!["name"]} ({model["dossier"]!["decision"]})");
        _interpreter = new WorkflowInterpreter(_services, _clock);
    }

    [Fact]
    public async Task The_happy_path_waits_for_reception_payment_and_approval_then_issues_notifies_and_syncs()
    {
        var started = await Start(age: 30);
        var reception = Assert.Single(started.Bookmarks);
        var afterReception = await Resume(started, "reception", new JsonObject { ["outcome"] = "Approve", ["comment"] = "Đủ hồ sơ", ["officer"] = "Nguyễn Văn A" });
        var payment = Assert.Single(afterReception.Bookmarks);
        var afterPayment = await Resume(afterReception, "pay", new JsonObject { ["status"] = "Paid", ["transactionId"] = "TX-001" });
        var finished = await Resume(afterPayment, "approve", new JsonObject { ["outcome"] = "Approve", ["officer"] = "Trần Thị B" });

        Assert.Equal(("Dvc.HumanTask", "chuyen-vien"), (reception.Name, reception.Payload!["role"]!.GetValue<string>()));
        Assert.Equal("Tiếp nhận hồ sơ", reception.Payload["title"]!["vi"]!.GetValue<string>());
        Assert.Equal(135000m, payment.Payload!["amount"]!.GetValue<decimal>());
        Assert.Equal(WorkflowStatus.Finished, finished.Status);
        Assert.Equal(["root", "start", "reception", "rules", "pay", "approve", "issue", "notify", "sync", "log", "end"], finished.State.ExecutedActivityIds);
        Assert.Equal("result: An (Approved)", Assert.Single(_services.IssuedResults).Text);
        Assert.Equal("sms", Assert.Single(_services.Notifications).Channel);
        Assert.Equal("DaTraKetQua", Assert.Single(_services.PortalSyncs).Status);
        Assert.Equal("Hoàn tất HN-2026-000123, giao dịch TX-001", finished.State.LogLines[^1]);
        Assert.Equal("Approve", finished.State.Variables["v-decision"]!["outcome"]!.GetValue<string>());
    }

    [Fact]
    public async Task Failing_eligibility_rules_issue_a_rejection()
    {
        var started = await Start(age: 16);

        var finished = await Resume(started, "reception", new JsonObject { ["outcome"] = "Approve" });

        Assert.Equal(WorkflowStatus.Finished, finished.Status);
        Assert.Equal("Rejected", Assert.Single(_services.IssuedResults).Decision);
        Assert.DoesNotContain("pay", finished.State.ExecutedActivityIds);
    }

    [Fact]
    public async Task A_supplement_request_loops_back_to_reception()
    {
        var started = await Start(age: 30);
        var waiting = await Resume(started, "reception", new JsonObject { ["outcome"] = "RequestSupplement", ["comment"] = "Thiếu ảnh" });
        var supplement = Assert.Single(waiting.Bookmarks);
        var back = await Resume(waiting, "supplement", new JsonObject { ["data"] = new JsonObject { ["photo"] = "a.jpg" } });

        // Fifteen calendar days from Monday 02/03 end with Tuesday 17/03: the request runs to midnight after it.
        Assert.Equal(new DateTimeOffset(2026, 3, 18, 0, 0, 0, TimeSpan.FromHours(7)), supplement.DueAt);
        Assert.Equal("Bổ sung: Thiếu ảnh", supplement.Payload!["message"]!.GetValue<string>());
        Assert.Equal(WorkflowStatus.Suspended, back.Status);
        Assert.Equal("reception", Assert.Single(back.Bookmarks).ActivityId);
        Assert.Equal(2, back.State.ExecutedActivityIds.Count(x => x == "reception"));
        Assert.Empty(_services.IssuedResults);
    }

    [Fact]
    public async Task An_unanswered_supplement_request_expires_by_timer_and_the_dossier_is_rejected()
    {
        var started = await Start(age: 30);
        var waiting = await Resume(started, "reception", new JsonObject { ["outcome"] = "RequestSupplement" });

        _clock.Advance(TimeSpan.FromDays(16));
        var expired = await _interpreter.ResumeDueTimersAsync(_workflow, waiting.State);

        Assert.Equal(WorkflowStatus.Finished, expired.Status);
        Assert.Equal("Rejected", Assert.Single(_services.IssuedResults).Decision);
    }

    [Fact]
    public async Task An_outcome_the_task_does_not_offer_is_refused_and_the_state_is_untouched()
    {
        var started = await Start(age: 30);
        var before = started.State.ToJson();

        var refused = await _interpreter.ResumeAsync(_workflow, started.State, started.Bookmarks[0].Id, new JsonObject { ["outcome"] = "Escalate" });

        Assert.False(refused.Accepted);
        Assert.Contains("Escalate", refused.Refusal, StringComparison.Ordinal);
        Assert.Equal(before, refused.State.ToJson());
        Assert.Single(refused.Bookmarks);
    }

    [Fact]
    public async Task Resuming_a_consumed_bookmark_is_refused()
    {
        var started = await Start(age: 30);
        var bookmarkId = started.Bookmarks[0].Id;
        var first = await _interpreter.ResumeAsync(_workflow, started.State, bookmarkId, new JsonObject { ["outcome"] = "Reject" });

        var second = await _interpreter.ResumeAsync(_workflow, first.State, bookmarkId, new JsonObject { ["outcome"] = "Approve" });

        Assert.True(first.Accepted);
        Assert.False(second.Accepted);
        Assert.Same(first.State, second.State);
        Assert.Single(_services.IssuedResults);
    }

    [Fact]
    public async Task The_state_survives_json_and_resumes_identically_with_a_higher_version()
    {
        var started = await Start(age: 30);
        var json = started.State.ToJson();
        var restored = WorkflowState.FromJson(json);

        var fromOriginal = await _interpreter.ResumeAsync(_workflow, started.State, started.Bookmarks[0].Id, new JsonObject { ["outcome"] = "Approve" });
        var fromRestored = await _interpreter.ResumeAsync(_workflow, restored, restored.Bookmarks[0].Id, new JsonObject { ["outcome"] = "Approve" });

        Assert.Equal(json, restored.ToJson());
        Assert.Equal(fromOriginal.State.ExecutedActivityIds, fromRestored.State.ExecutedActivityIds);
        Assert.Equal(fromOriginal.State.Variables.Keys, fromRestored.State.Variables.Keys);
        Assert.True(fromRestored.State.Version > restored.Version);
        Assert.Equal(WorkflowStatus.Suspended, fromRestored.Status);
        Assert.Equal("pay", Assert.Single(fromRestored.Bookmarks).ActivityId);
    }

    [Fact]
    public async Task Many_instances_share_one_compiled_version_concurrently()
    {
        var runs = Enumerable.Range(0, 24).Select(i => Task.Run(async () =>
        {
            var started = await Start(age: 30);
            var afterReception = await Resume(started, "reception", new JsonObject { ["outcome"] = i % 2 == 0 ? "Approve" : "Reject" });
            return afterReception.State;
        }));

        var states = await Task.WhenAll(runs);

        Assert.Equal(12, states.Count(s => s.Status == WorkflowStatus.Suspended && s.Bookmarks.Single().ActivityId == "pay"));
        Assert.Equal(12, states.Count(s => s.Status == WorkflowStatus.Finished));
        Assert.Equal(24, states.Select(s => s.InstanceId).Distinct().Count());
    }

    private Task<WorkflowRunResult> Start(int age) =>
        _interpreter.StartAsync(_workflow, WorkflowTestKit.Dossier(new { name = "An", age }, fee: 135000));

    private async Task<WorkflowRunResult> Resume(WorkflowRunResult previous, string activityId, JsonNode payload)
    {
        var bookmark = Assert.Single(previous.Bookmarks, b => b.ActivityId == activityId);
        var result = await _interpreter.ResumeAsync(_workflow, previous.State, bookmark.Id, payload);
        Assert.True(result.Accepted, result.Refusal);
        return result;
    }
}
