using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dvc.Engine.Persistence;
using Dvc.Engine.Persistence.Tests;
using Dvc.Engine.Server.Tests.Infrastructure;
using Dvc.Engine.Server.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dvc.Engine.Server.Tests.Workflows;

/// <summary>
/// Two server nodes on one database (a SQLite file, or PostgreSQL), each with its own service provider and DbContexts. When both are asked to
/// resume the same waiting point at the same moment, one answers 204 and the other 409, and the workflow moves once.
/// </summary>
public abstract class ConcurrentResumeTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly ProcedureJourney Journey = ProcedureJourney.CertifiedCopies();

    private const int Rounds = 6;

    private readonly TwoNodes _nodes = new(provider);

    public Task InitializeAsync() => _nodes.InitializeAsync();

    public Task DisposeAsync() => _nodes.DisposeAsync();

    [Fact]
    public async Task The_same_task_completed_on_two_nodes_at_once_succeeds_once_and_the_other_gets_409()
    {
        var email = $"nodes-{Guid.NewGuid():N}@test.local";
        var citizen = await _nodes.A.NewCitizenAsync(email);
        var officerA = await _nodes.A.OfficerAsync(Journey.Agency);
        var reception = Journey.Steps[0];

        // The reference: the same step taken once, by one officer on one node.
        var reference = await Journey.SubmitAsync(citizen);
        (await ProcedureJourney.PerformAsync(reception, citizen, officerA, reference)).EnsureSuccessStatusCode();
        var names = await OfficerNamesAsync();
        var expected = (await JourneySnapshot.CaptureAsync(_nodes.A, reference)).WithoutNames(names);

        for (var round = 0; round < Rounds; round++)
        {
            // Even rounds: two colleagues click at once. Odd rounds: the same officer's request reaches both nodes
            // (a retry through the load balancer), so both pass the claim and meet at completion.
            var officerB = round % 2 == 0
                ? await SignedInAsync(_nodes.B, $"lanhdao.{Journey.Agency.ToLowerInvariant()}@dvc.local", "CanBo@2026")
                : await _nodes.B.OfficerAsync(Journey.Agency);
            var code = await Journey.SubmitAsync(citizen);
            var task = await Inbox.OpenTaskAsync(officerA, code);
            Assert.NotNull(task);

            var responses = await RaceAsync(
                () => Inbox.CompleteAsync(officerA, task, reception.Outcome),
                () => Inbox.CompleteAsync(officerB, task, reception.Outcome));

            await AssertOneWinnerAsync(responses, $"round {round}");
            var actual = (await JourneySnapshot.CaptureAsync(_nodes.B, code)).WithoutNames(names);
            AssertSameAsReference(expected, actual, $"round {round}");
            Assert.Single(actual.Events, e => e.StartsWith("TaskCompleted", StringComparison.Ordinal));
            Assert.Equal(1, await ConsumedBookmarksAsync(code, reception.Activity));
        }
    }

    [Fact]
    public async Task A_dossier_raced_at_every_step_on_two_nodes_ends_as_if_each_step_was_taken_once()
    {
        var email = $"nodes-{Guid.NewGuid():N}@test.local";
        var citizenA = await _nodes.A.NewCitizenAsync(email);
        var citizenB = await ProcedureJourney.CitizenAsync(_nodes.B, email);
        var officerA = await _nodes.A.OfficerAsync(Journey.Agency);
        var officerB = await _nodes.B.OfficerAsync(Journey.Agency);
        var steps = Journey.Steps;

        var reference = await Journey.SubmitAsync(citizenA);
        foreach (var step in steps)
        {
            (await ProcedureJourney.PerformAsync(step, citizenA, officerA, reference)).EnsureSuccessStatusCode();
        }

        var expected = await JourneySnapshot.CaptureAsync(_nodes.A, reference);
        Assert.Equal("Finished", expected.WorkflowStatus);

        for (var round = 0; round < Rounds / 2; round++)
        {
            var code = await Journey.SubmitAsync(citizenA);
            foreach (var step in steps)
            {
                var responses = step.IsPayment
                    ? await RaceAsync(
                        () => citizenA.PostAsync($"/api/v1/dossiers/{code}/payments", null),
                        () => citizenB.PostAsync($"/api/v1/dossiers/{code}/payments", null))
                    : await RaceOnTaskAsync(step, code, officerA, officerB);
                await AssertOneWinnerAsync(responses, $"round {round}, step '{step.Activity}'");
                Assert.True(await OpenTasksAsync(code) <= 1, $"More than one open task after '{step.Activity}' in round {round}.");
            }

            AssertSameAsReference(expected, await JourneySnapshot.CaptureAsync(_nodes.B, code), $"round {round}");
        }
    }

    [Fact]
    public async Task A_late_supplement_on_one_node_and_the_expiry_timer_on_the_other_resume_the_workflow_once()
    {
        const int dossiers = 6;
        var email = $"nodes-{Guid.NewGuid():N}@test.local";
        var citizen = await _nodes.A.NewCitizenAsync(email);
        var officer = await _nodes.A.OfficerAsync("HN-P-BA-DINH");
        var codes = new List<string>();
        for (var i = 0; i < dossiers; i++)
        {
            var code = await Submissions.SubmitBirthRegistrationAsync(citizen);
            var task = await Inbox.OpenTaskAsync(officer, code);
            Assert.NotNull(task);
            (await Inbox.CompleteAsync(officer, task, "RequestSupplement", "Thiếu giấy chứng sinh.")).EnsureSuccessStatusCode();
            codes.Add(code);
        }

        var before = new Dictionary<string, long>();
        foreach (var code in codes)
        {
            before[code] = await WorkflowVersionAsync(code);
        }

        // Past the supplement deadline on both nodes: the citizen's late answer and the expiry fire together.
        // Five working days from Monday 02/03 end with Monday 09/03; the period closes at midnight after it.
        _nodes.A.Clock.Advance(TimeSpan.FromDays(8));
        _nodes.B.Clock.Advance(TimeSpan.FromDays(8));
        var lateCitizen = await ProcedureJourney.CitizenAsync(_nodes.A, email);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var supplements = codes.Select(code => Task.Run(async () =>
        {
            await gate.Task;
            return await lateCitizen.PostAsJsonAsync($"/api/v1/dossiers/{code}/supplements", new { note = "Gửi bổ sung giấy chứng sinh." });
        })).ToArray();
        var expiry = Task.Run(async () =>
        {
            await gate.Task;
            await using var scope = _nodes.B.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<WorkflowTimers>().DispatchDueAsync(CancellationToken.None);
        });
        gate.SetResult();
        var answers = await Task.WhenAll(supplements);
        var fired = await expiry;

        Assert.Equal(dossiers, fired);
        for (var i = 0; i < dossiers; i++)
        {
            var code = codes[i];
            var (status, changes, openTasks) = await AfterSupplementOrExpiryAsync(code);
            var answer = (int)answers[i].StatusCode;
            var which = $"{code}: supplement answered {answer}, dossier {status}, status changes [{string.Join(", ", changes)}]";
            Assert.True(answer is 204 or 409, which);
            Assert.True(answer == 204 ? status == "Processing" && openTasks == 1 : status == "Cancelled" && openTasks == 0, which);
            Assert.True(changes.Count(c => c.StartsWith("AwaitingSupplement", StringComparison.Ordinal)) == 1, which);
            Assert.True(await WorkflowVersionAsync(code) == before[code] + 1, $"{which}: the workflow was not saved exactly once more.");
        }
    }

    private async Task<long> WorkflowVersionAsync(string code)
    {
        await using var scope = _nodes.A.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DvcDbContext>();
        var dossier = await db.Dossiers.AsNoTracking().SingleAsync(d => d.Code == code);
        return await db.WorkflowInstances.AsNoTracking().Where(i => i.DossierId == dossier.Id).Select(i => i.Version).SingleAsync();
    }

    private async Task<(string Status, List<string> StatusChanges, int OpenTasks)> AfterSupplementOrExpiryAsync(string code)
    {
        await using var scope = _nodes.B.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DvcDbContext>();
        var dossier = await db.Dossiers.AsNoTracking().SingleAsync(d => d.Code == code);
        var changes = await db.DossierEvents.AsNoTracking()
            .Where(e => e.DossierId == dossier.Id && e.Kind == "StatusChanged")
            .OrderBy(e => e.Sequence)
            .Select(e => e.DataJson!)
            .ToListAsync();
        var open = await db.HumanTasks.AsNoTracking().CountAsync(t => t.DossierId == dossier.Id && t.Status != Persistence.Tasks.HumanTaskStatus.Done);
        return (dossier.Status, [.. changes.Select(c => JsonNode.Parse(c)!).Select(c => $"{c["from"]} → {c["to"]}")], open);
    }

    private static async Task<HttpResponseMessage[]> RaceOnTaskAsync(JourneyStep step, string code, HttpClient officerA, HttpClient officerB)
    {
        var task = await Inbox.OpenTaskAsync(officerA, code);
        Assert.True(task is not null, $"No open task for '{step.Activity}' of {code}.");
        return await RaceAsync(
            () => Inbox.CompleteAsync(officerA, task, step.Outcome),
            () => Inbox.CompleteAsync(officerB, task, step.Outcome));
    }

    /// <summary>Starts every request behind one gate, so they reach their nodes together, then waits for all.</summary>
    private static async Task<HttpResponseMessage[]> RaceAsync(params Func<Task<HttpResponseMessage>>[] requests)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = requests.Select(request => Task.Run(async () =>
        {
            await gate.Task;
            return await request();
        })).ToArray();
        gate.SetResult();
        return await Task.WhenAll(running);
    }

    private static async Task AssertOneWinnerAsync(HttpResponseMessage[] responses, string when)
    {
        var answers = string.Join(", ", responses.Select(r => (int)r.StatusCode));
        Assert.True(responses.Count(r => r.StatusCode == HttpStatusCode.NoContent) == 1, $"Not exactly one 204 in {when}: {answers}");
        var loser = responses.SingleOrDefault(r => r.StatusCode != HttpStatusCode.NoContent);
        Assert.NotNull(loser);
        Assert.True(loser.StatusCode == HttpStatusCode.Conflict, $"The other request in {when} was not a 409: {answers} {await loser.Content.ReadAsStringAsync()}");
        Assert.Equal("application/problem+json", loser.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await loser.Content.ReadAsStringAsync())!;
        Assert.Equal(409, problem["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrWhiteSpace(problem["title"]?.GetValue<string>()));
    }

    /// <summary>Both dossiers went through the same steps, so apart from the code they must be identical.</summary>
    private static void AssertSameAsReference(JourneySnapshot expected, JourneySnapshot actual, string when)
    {
        Assert.True(expected.Status == actual.Status, $"Status in {when}: {actual.Status}, expected {expected.Status}.");
        Assert.True(expected.WorkflowStatus == actual.WorkflowStatus, $"Workflow status in {when}: {actual.WorkflowStatus}, expected {expected.WorkflowStatus}.");
        Assert.True(expected.WorkflowVersion == actual.WorkflowVersion, $"Workflow saved {actual.WorkflowVersion} times in {when}, expected {expected.WorkflowVersion}.");
        Assert.Equal(expected.ExecutedActivities, actual.ExecutedActivities);
        Assert.Equal(expected.Bookmarks, actual.Bookmarks);
        Assert.Equal(expected.Events, actual.Events);
        Assert.Equal(expected.Outbox, actual.Outbox);
        Assert.Equal(expected.Result, actual.Result);
        // Tasks are compared without who did them: in a race either officer may win.
        Assert.Equal(expected.Tasks, actual.Tasks);
    }

    private async Task<int> ConsumedBookmarksAsync(string code, string activity)
    {
        await using var scope = _nodes.A.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DvcDbContext>();
        var dossier = await db.Dossiers.AsNoTracking().SingleAsync(d => d.Code == code);
        return await db.Bookmarks.AsNoTracking()
            // A step's task may sit in a workflow the step calls ("reception/review/task" for step "reception").
            .Where(b => (b.ActivityId == activity || b.ActivityId.StartsWith(activity + "/")) && b.ConsumedAt != null)
            .Join(db.WorkflowInstances.Where(i => i.DossierId == dossier.Id), b => b.InstanceId, i => i.Id, (b, _) => b)
            .CountAsync();
    }

    /// <summary>The display names of the agency's staff, which the workflow writes into its log lines.</summary>
    private async Task<IReadOnlyCollection<string>> OfficerNamesAsync()
    {
        await using var scope = _nodes.A.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DvcDbContext>();
        var suffix = $".{Journey.Agency.ToLowerInvariant()}@dvc.local";
        return await db.Users.AsNoTracking().Where(u => u.Email!.EndsWith(suffix)).Select(u => u.FullName).ToListAsync();
    }

    private async Task<int> OpenTasksAsync(string code)
    {
        await using var scope = _nodes.A.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DvcDbContext>();
        var dossier = await db.Dossiers.AsNoTracking().SingleAsync(d => d.Code == code);
        return await db.HumanTasks.AsNoTracking().CountAsync(t => t.DossierId == dossier.Id && t.Status != Persistence.Tasks.HumanTaskStatus.Done);
    }

    private static async Task<HttpClient> SignedInAsync(DvcServerFactory node, string email, string password)
    {
        var client = node.CreateBrowserlessClient();
        await DvcServerFactory.SignInAsync(client, email, password);
        return client;
    }
}

public sealed class ConcurrentResumeOnSqliteTests() : ConcurrentResumeTests(DatabaseProvider.Sqlite);

public sealed class ConcurrentResumeOnPostgresTests() : ConcurrentResumeTests(DatabaseProvider.Postgres);
