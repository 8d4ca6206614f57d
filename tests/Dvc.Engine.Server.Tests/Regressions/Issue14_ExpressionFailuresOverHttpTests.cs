using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dvc.Engine.Server.Tests.Infrastructure;

namespace Dvc.Engine.Server.Tests.Regressions;

/// <summary>
/// Issue 14, item 5 over HTTP: a failing expression or template never answers 500 and never strands a dossier. The step
/// faults, officers see it in the history and get an incident in their inbox, which they retry or escalate.
/// </summary>
public sealed class Issue14_ExpressionFailuresOverHttpTests : IDisposable
{
    private readonly DefinitionsCopy _definitions = new();

    /// <summary>The reproduction: a script whose result throws from toJSON made the submission answer 500.</summary>
    [Fact]
    public async Task A_script_that_throws_from_toJSON_files_the_dossier_and_opens_an_incident_officers_retry_or_escalate()
    {
        // The reception step's time limit (an input of the shared receive-dossier workflow), evaluated at submission.
        _definitions.Edit("procedures/HN-TP-001/workflow.json", "\"type\": \"Literal\",\n            \"value\": 0.25",
            "\"type\": \"JavaScript\",\n            \"value\": \"({toJSON(){throw new Error('x')}})\"");
        using var server = _definitions.Server();
        var code = await Submissions.SubmitBirthRegistrationAsync(await server.NewCitizenAsync());
        var officer = await server.OfficerAsync("HN-P-BA-DINH");

        var incident = await Inbox.OpenTaskAsync(officer, code);
        var history = JsonNode.Parse(await officer.GetStringAsync($"/api/v1/dossiers/{code}"))!["timeline"]!.AsArray();
        var page = await officer.GetStringAsync($"/inbox/{incident!["id"]}");
        var withoutReason = await Inbox.CompleteAsync(officer, incident!, "Escalate");
        var escalate = await Inbox.CompleteAsync(officer, incident!, "Escalate", "Mẫu quy trình lỗi, đề nghị quản trị sửa");
        var escalated = await Inbox.OpenTaskAsync(officer, code);
        var retry = await Inbox.CompleteAsync(officer, escalated!, "Retry");
        var again = await Inbox.OpenTaskAsync(officer, code);

        Assert.Equal(["Retry", "Escalate"], incident!["outcomes"]!.AsArray().Select(o => o!.GetValue<string>()));
        Assert.Contains(history, e => e!["kind"]!.GetValue<string>() == "WorkflowFaulted" && e["detail"]!.GetValue<string>().Contains("JavaScript error: x", StringComparison.Ordinal));
        Assert.Contains("Thử lại bước bị lỗi", page, StringComparison.Ordinal);
        Assert.Contains("Chuyển lãnh đạo xử lý", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, withoutReason.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, escalate.StatusCode);
        Assert.Equal(["Retry"], escalated!["outcomes"]!.AsArray().Select(o => o!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.NoContent, retry.StatusCode);
        Assert.NotNull(again);
        Assert.NotEqual(escalated["id"]!.ToString(), again!["id"]!.ToString());
    }

    [Fact]
    public async Task A_result_template_that_fails_to_render_faults_the_step_instead_of_issuing_an_empty_result()
    {
        _definitions.Edit("procedures/HN-TP-001/templates/result.sbn", "Số hồ sơ: {{ dossier.code }}", "Số hồ sơ: {{ dossier.code | string.pad_left 300000000 }}");
        using var server = _definitions.Server();
        var citizen = await server.NewCitizenAsync();
        var code = await Submissions.SubmitBirthRegistrationAsync(citizen);
        var officer = await server.OfficerAsync("HN-P-BA-DINH");

        var answers = new List<HttpStatusCode>();
        JsonObject? task;
        while ((task = await Inbox.OpenTaskAsync(officer, code)) is not null && task["outcomes"]!.AsArray().All(o => o!.GetValue<string>() != "Retry") && answers.Count < 10)
        {
            var outcome = task["outcomes"]!.AsArray().Select(o => o!.GetValue<string>()).First(o => o is not "Reject" and not "RequestSupplement");
            answers.Add((await Inbox.CompleteAsync(officer, task, outcome)).StatusCode);
        }

        var dossier = JsonNode.Parse(await citizen.GetStringAsync($"/api/v1/dossiers/{code}"))!;
        var result = await citizen.GetAsync($"/api/v1/dossiers/{code}/result");

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.NoContent, a));
        Assert.NotNull(task);
        Assert.Contains("Retry", task!["outcomes"]!.AsArray().Select(o => o!.GetValue<string>()));
        Assert.False(dossier["hasResult"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.NotFound, result.StatusCode);
        Assert.DoesNotContain(dossier["timeline"]!.AsArray(), e => e!["kind"]!.GetValue<string>() == "WorkflowFaulted");
    }

    public void Dispose() => _definitions.Dispose();
}
