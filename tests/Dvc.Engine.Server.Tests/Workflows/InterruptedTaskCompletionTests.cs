using System.Net;
using Dvc.Engine.Core.Definitions;
using Dvc.Engine.Persistence;
using Dvc.Engine.Persistence.Dossiers;
using Dvc.Engine.Persistence.Tasks;
using Dvc.Engine.Server.Accounts;
using Dvc.Engine.Server.Dossiers;
using Dvc.Engine.Server.Tasks;
using Dvc.Engine.Server.Tests.Infrastructure;
using Dvc.Engine.Server.Workflows;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dvc.Engine.Server.Tests.Workflows;

/// <summary>
/// A restart can also come in the middle of a step: the server dies after it marked the officer's task done and
/// before the workflow resumed. After the restart the dossier must still be able to move on, otherwise it waits for
/// a task nobody can complete any more.
/// </summary>
public sealed class InterruptedTaskCompletionTests : IDisposable
{
    private static readonly ProcedureJourney Journey = ProcedureJourney.CertifiedCopies();

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "dvc-server-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_task_completion_cut_off_before_the_workflow_resumed_can_still_move_the_dossier_on_after_a_restart()
    {
        var reception = Journey.Steps[0];
        string code;
        using (var first = Server())
        {
            code = await Journey.SubmitAsync(await first.NewCitizenAsync());
        }

        HttpStatusCode cutOff;
        using (var dying = Server())
        using (var crashing = dying.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.AddScoped<IDossierWorkflow>(sp => new DiesBeforeResuming(sp.GetRequiredService<ElsaDossierWorkflow>())))))
        {
            var officer = crashing.CreateClient();
            await DvcServerFactory.SignInAsync(officer, $"canbo.{Journey.Agency.ToLowerInvariant()}@dvc.local", "CanBo@2026");
            var task = await Inbox.OpenTaskAsync(officer, code);
            Assert.NotNull(task);
            cutOff = (await Inbox.CompleteAsync(officer, task, reception.Outcome)).StatusCode;
        }

        SqliteConnection.ClearAllPools();
        using var restarted = Server();
        var again = await restarted.OfficerAsync(Journey.Agency);
        var open = await Inbox.OpenTaskAsync(again, code);
        if (open is not null)
        {
            // The interrupted completion was undone: the officer simply does it again.
            (await Inbox.CompleteAsync(again, open, reception.Outcome)).EnsureSuccessStatusCode();
        }

        var (status, taskStates, waitingBookmarks) = await StateAsync(restarted, code);
        Assert.Equal(HttpStatusCode.InternalServerError, cutOff);
        Assert.True(
            status == "AwaitingPayment",
            $"After the restart the dossier is stuck: status {status}, tasks [{string.Join(", ", taskStates)}], "
            + $"waiting bookmarks [{string.Join(", ", waitingBookmarks)}]. The reception task is done but its bookmark was never resumed.");
        Assert.DoesNotContain(waitingBookmarks, b => b == reception.Activity);
    }

    [Fact]
    public async Task A_task_completion_cut_off_after_the_workflow_saved_but_before_the_dossier_changed_status_can_still_go_on_after_a_restart()
    {
        var reception = Journey.Steps[0];
        var email = $"cut-off-{Guid.NewGuid():N}@test.local";
        string code;
        using (var first = Server())
        {
            code = await Journey.SubmitAsync(await first.NewCitizenAsync(email));
        }

        HttpStatusCode cutOff;
        using (var dying = Server())
        {
            // The workflow's new state (waiting for the fee) commits; the dossier's move to AwaitingPayment is where
            // the server "dies". A trigger is the one place to cut between the two without touching product code.
            await SqlAsync(dying, "CREATE TRIGGER simulated_crash BEFORE UPDATE OF Status ON Dossiers WHEN NEW.Status = 'AwaitingPayment' "
                + "BEGIN SELECT RAISE(ABORT, 'The server stopped before the dossier status changed (simulated).'); END;");
            var officer = await dying.OfficerAsync(Journey.Agency);
            var task = await Inbox.OpenTaskAsync(officer, code);
            Assert.NotNull(task);
            cutOff = (await Inbox.CompleteAsync(officer, task, reception.Outcome)).StatusCode;
            await SqlAsync(dying, "DROP TRIGGER simulated_crash;");
        }

        SqliteConnection.ClearAllPools();
        using var restarted = Server();
        var again = await restarted.OfficerAsync(Journey.Agency);
        if (await Inbox.OpenTaskAsync(again, code) is { } open)
        {
            // The interrupted completion was undone as a whole: the officer simply does it again.
            (await Inbox.CompleteAsync(again, open, reception.Outcome)).EnsureSuccessStatusCode();
        }

        var citizen = await ProcedureJourney.CitizenAsync(restarted, email);
        var before = await StateAsync(restarted, code);
        var paid = await citizen.PostAsync($"/api/v1/dossiers/{code}/payments", null);
        var after = await StateAsync(restarted, code);

        Assert.Equal(HttpStatusCode.InternalServerError, cutOff);
        Assert.True(
            paid.IsSuccessStatusCode && after.Status == "Processing" && !after.WaitingBookmarks.Contains("payment"),
            $"After the restart the fee cannot be paid: payment answered {(int)paid.StatusCode} {await paid.Content.ReadAsStringAsync()}; "
            + $"before paying the dossier was {before.Status} while the workflow waited at [{string.Join(", ", before.WaitingBookmarks)}]; "
            + $"now {after.Status}, waiting at [{string.Join(", ", after.WaitingBookmarks)}], tasks [{string.Join(", ", after.Tasks)}].");
    }

    private static async Task SqlAsync(DvcServerFactory server, string sql)
    {
        await using var scope = server.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DvcDbContext>().Database.ExecuteSqlRawAsync(sql);
    }

    private DvcServerFactory Server() => new(Path.Combine(_folder, "data"), DvcServerFactory.RepositoryDefinitions());

    private static async Task<(string Status, List<string> Tasks, List<string> WaitingBookmarks)> StateAsync(DvcServerFactory server, string code)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DvcDbContext>();
        var dossier = await db.Dossiers.AsNoTracking().SingleAsync(d => d.Code == code);
        var tasks = await db.HumanTasks.AsNoTracking().Where(t => t.DossierId == dossier.Id).Select(t => t.Role + " " + t.Status).ToListAsync();
        var waiting = await db.Bookmarks.AsNoTracking()
            .Where(b => b.ConsumedAt == null)
            .Join(db.WorkflowInstances.Where(i => i.DossierId == dossier.Id), b => b.InstanceId, i => i.Id, (b, _) => b.ActivityId)
            .ToListAsync();
        return (dossier.Status, tasks, waiting);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment; the temp folder is cleaned by the OS.
        }
    }

    /// <summary>
    /// Stands for the process dying right after the inbox committed the task as done and before the workflow ran:
    /// everything else is the real workflow.
    /// </summary>
    private sealed class DiesBeforeResuming(ElsaDossierWorkflow inner) : IDossierWorkflow
    {
        public Task StartAsync(CompiledProcedure procedure, DossierRecord dossier, CancellationToken ct) => inner.StartAsync(procedure, dossier, ct);

        public Task<WorkflowStep> TaskCompletedAsync(
            CompiledProcedure procedure, DossierRecord dossier, HumanTaskRecord task, string outcome, string? comment, SupplementScope scope, Viewer officer, CancellationToken ct) =>
            throw new InvalidOperationException("The server stopped before the workflow resumed (simulated).");

        public Task<WorkflowStep> SupplementedAsync(CompiledProcedure procedure, DossierRecord dossier, Viewer citizen, CancellationToken ct) =>
            inner.SupplementedAsync(procedure, dossier, citizen, ct);

        public Task<WorkflowStep> PaidAsync(CompiledProcedure procedure, DossierRecord dossier, string transactionId, Viewer payer, CancellationToken ct) =>
            inner.PaidAsync(procedure, dossier, transactionId, payer, ct);

        public Task<WorkflowStep?> SignalAsync(
            CompiledProcedure procedure, DossierRecord dossier, string bookmarkName, string? activityId, System.Text.Json.Nodes.JsonObject payload, string actor, CancellationToken ct) =>
            inner.SignalAsync(procedure, dossier, bookmarkName, activityId, payload, actor, ct);

        public Task<IReadOnlyList<TaskOutcome>> OutcomesAsync(HumanTaskRecord task, CancellationToken ct) => inner.OutcomesAsync(task, ct);
    }
}
