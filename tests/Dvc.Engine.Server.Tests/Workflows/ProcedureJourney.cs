using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dvc.Engine.Core.Workflows.Runtime;
using Dvc.Engine.Persistence;
using Dvc.Engine.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dvc.Engine.Server.Tests.Workflows;

/// <summary>
/// One finishing path of a shipped procedure, taken from a test case's own <c>input</c> and <c>steps</c>, so the
/// tests follow the procedure if its authors change the path. <see cref="CertifiedCopies"/> (HN-TP-003 case 01:
/// reception → payment → processing → approval → dispatch) has the most kinds of waiting points on one path.
/// </summary>
internal sealed class ProcedureJourney
{
    public const string CitizenPassword = "MatKhau@2026";

    private readonly JsonObject _case;
    private readonly string[] _attachments;

    /// <param name="attachments">Checklist documents to upload (as a small PDF each) with the submission.</param>
    public ProcedureJourney(string procedure, string caseFile, params string[] attachments)
    {
        Procedure = procedure;
        var folder = Path.Combine(DvcServerFactory.RepositoryDefinitions(), "procedures", procedure);
        _case = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "tests", caseFile)))!.AsObject();
        // The agency the procedure itself chooses for this case (a commune's People's Committee from its unit field).
        var compiled = new Core.Definitions.ProcedureCompiler().CompileFolder(folder).Procedure!;
        Agency = compiled.Routing.Handling.Resolve(_case["input"]!.AsObject()).AgencyCode!;
        _attachments = attachments;
        Steps = [.. _case["steps"]!.AsArray().Select(s => new JourneyStep(s!["task"]!.GetValue<string>(), s["outcome"]!.GetValue<string>()))];
        ExpectedPath = _case["expect"]?["workflowPath"] is JsonArray path ? [.. path.Select(a => a!.GetValue<string>())] : [];
    }

    public static ProcedureJourney CertifiedCopies() => new("HN-TP-003", "01-ba-ban-sao-khai-sinh.json");

    public string Procedure { get; }

    /// <summary>The handling agency's code for this case, whose seeded officer takes the tasks.</summary>
    public string Agency { get; }

    public IReadOnlyList<JourneyStep> Steps { get; }

    /// <summary>The activities the case says the workflow passes through, in order (a subsequence of what runs).</summary>
    public IReadOnlyList<string> ExpectedPath { get; }

    public async Task<string> SubmitAsync(HttpClient citizen)
    {
        var attachments = _attachments.Select(id => new { attachmentId = id, fileName = $"{id}.pdf", contentType = "application/pdf", contentBase64 = Submissions.PdfBase64 });
        var response = await citizen.PostAsJsonAsync("/api/v1/dossiers", new { procedureCode = Procedure, data = _case["input"]!.DeepClone(), attachments });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"Submission failed: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!["code"]!.GetValue<string>();
    }

    /// <summary>
    /// Does one step as its actor would: the citizen pays a waiting fee or answers a supplement request; otherwise
    /// the officer completes the dossier's open task with the step's outcome (with a comment where one is required).
    /// </summary>
    public static async Task<HttpResponseMessage> PerformAsync(JourneyStep step, HttpClient citizen, HttpClient officer, string code)
    {
        if (step.IsPayment)
        {
            return await citizen.PostAsync($"/api/v1/dossiers/{code}/payments", null);
        }

        if (step.IsSupplement)
        {
            return await citizen.PostAsJsonAsync($"/api/v1/dossiers/{code}/supplements", new { note = "Đã bổ sung theo yêu cầu." });
        }

        var task = await Inbox.OpenTaskAsync(officer, code);
        Assert.True(task is not null, $"No open task for step '{step.Activity}' of {code}.");
        var comment = step.Outcome is "Reject" or "RequestSupplement" ? "Đề nghị bổ sung, làm rõ thông tin." : null;
        return await Inbox.CompleteAsync(officer, task, step.Outcome, comment);
    }

    /// <summary>A client signed in on <paramref name="server"/> as a citizen registered earlier (maybe on another node).</summary>
    public static async Task<HttpClient> CitizenAsync(DvcServerFactory server, string email)
    {
        var client = server.CreateBrowserlessClient();
        await DvcServerFactory.SignInAsync(client, email, CitizenPassword);
        return client;
    }
}

/// <summary>One waiting point of the path: the activity that waits and the outcome it is given.</summary>
internal sealed record JourneyStep(string Activity, string Outcome)
{
    public bool IsPayment => Activity == "payment";

    public bool IsSupplement => Outcome == "Supplemented";
}

/// <summary>
/// What a finished dossier looks like in the database, without ids and timestamps and with its code replaced by
/// <c>{code}</c>, so two dossiers (or the same path on two databases) can be compared line by line.
/// </summary>
internal sealed record JourneySnapshot(
    string Status,
    int WorkflowInstances,
    string WorkflowStatus,
    long WorkflowVersion,
    IReadOnlyList<string> ExecutedActivities,
    IReadOnlyList<string> Bookmarks,
    IReadOnlyList<string> Tasks,
    IReadOnlyList<string> Events,
    IReadOnlyList<string> Outbox,
    string? Result)
{
    /// <summary>Reads the dossier in a fresh scope (new DbContext) of <paramref name="server"/>.</summary>
    public static async Task<JourneySnapshot> CaptureAsync(DvcServerFactory server, string code)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DvcDbContext>();
        var dossier = await db.Dossiers.AsNoTracking().SingleAsync(d => d.Code == code);
        var instances = await db.WorkflowInstances.AsNoTracking().Where(i => i.DossierId == dossier.Id).ToListAsync();
        var instance = Assert.Single(instances);
        var state = WorkflowState.FromJson(instance.StateJson);
        var bookmarks = await db.Bookmarks.AsNoTracking().Where(b => b.InstanceId == instance.Id).ToListAsync();
        var tasks = await db.HumanTasks.AsNoTracking().Where(t => t.DossierId == dossier.Id).ToListAsync();
        var events = await db.DossierEvents.AsNoTracking().Where(e => e.DossierId == dossier.Id).OrderBy(e => e.Sequence).ToListAsync();
        var quoted = $"\"{code}\"";
        var outbox = await db.OutboxMessages.AsNoTracking().Where(m => m.PayloadJson.Contains(quoted)).ToListAsync();

        // Rows created in the same instant have no meaningful order among themselves (the clock is fixed): sort them.
        return new JourneySnapshot(
            dossier.Status,
            instances.Count,
            state.Status.ToString(),
            instance.Version,
            state.ExecutedActivityIds,
            [.. bookmarks.Select(b => $"{b.ActivityId} {b.Name} {(b.ConsumedAt is null ? "open" : "consumed")}").Order(StringComparer.Ordinal)],
            [.. tasks.Select(t => $"{t.Role} {t.Status} {t.Outcome} {t.Title}").Order(StringComparer.Ordinal)],
            [.. events.Select(e => Anonymous(Describe(e.Kind, e.DataJson, e.Reason), code))],
            [.. outbox.Select(m => Anonymous(DescribeMessage(m.Kind, m.PayloadJson), code)).Order(StringComparer.Ordinal)],
            dossier.ResultText is null ? null : Anonymous(dossier.ResultText, code));
    }

    /// <summary>The same snapshot with these people's names replaced by <c>{officer}</c> (whoever won a race).</summary>
    public JourneySnapshot WithoutNames(IReadOnlyCollection<string> names)
    {
        string Clean(string text) => names.Aggregate(text, (t, name) => t.Replace(name, "{officer}", StringComparison.Ordinal));
        return this with
        {
            Tasks = [.. Tasks.Select(Clean)],
            Events = [.. Events.Select(Clean)],
            Outbox = [.. Outbox.Select(Clean)],
            Result = Result is null ? null : Clean(Result),
        };
    }

    private static string Describe(string kind, string? dataJson, string? reason)
    {
        var data = dataJson is null ? null : JsonNode.Parse(dataJson);
        var detail = kind switch
        {
            "StatusChanged" => $"{data?["from"]} → {data?["to"]}",
            "TaskCompleted" => data?["outcome"]?.ToString(),
            "ResultIssued" => $"{data?["decision"]} {data?["template"]}",
            "Log" => $"{data?["activityId"]}: {data?["message"]}",
            _ => null,
        };
        return $"{kind} {detail} {reason}".TrimEnd();
    }

    private static string DescribeMessage(string kind, string payloadJson)
    {
        var payload = JsonNode.Parse(payloadJson);
        return $"{kind} {payload?["channel"]} {payload?["template"]} {payload?["status"]}".TrimEnd();
    }

    private static string Anonymous(string text, string code) => text.Replace(code, "{code}", StringComparison.Ordinal);
}
