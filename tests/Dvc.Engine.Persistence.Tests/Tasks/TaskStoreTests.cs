using Dvc.Engine.Persistence.Tasks;
using Dvc.Engine.Persistence.Workflows;

namespace Dvc.Engine.Persistence.Tests.Tasks;

public abstract class TaskStoreTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase database = null!;
    private Guid dossierId;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(provider);
        dossierId = (await database.SeedDossierAsync(await database.SeedProcedureAsync())).Id;
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    private async Task<IReadOnlyList<BookmarkRecord>> OpenTasksAsync(params HumanTaskSpec[] specs)
    {
        await using var scope = database.Scope();
        var result = await scope.Get<WorkflowStore>().CreateAsync(
            dossierId,
            "{}",
            "Suspended",
            specs.Select((s, i) => new NewBookmark($"task-{i}", "Dvc.HumanTask", $"task-{i}", Task: s)).ToList(),
            null,
            CancellationToken.None);
        return result.Bookmarks;
    }

    private async Task<Guid> OneTaskAsync()
    {
        await OpenTasksAsync(new HumanTaskSpec("SO-TU-PHAP", "chuyen-vien", "Thẩm định"));
        await using var scope = database.Scope();
        return (await scope.Get<TaskStore>().ListForDossierAsync(dossierId, CancellationToken.None))[0].Id;
    }

    [Fact]
    public async Task The_inbox_shows_the_agency_tasks_for_the_officer_roles_by_deadline()
    {
        var now = database.Clock.GetUtcNow();
        await OpenTasksAsync(
            new HumanTaskSpec("SO-TU-PHAP", "chuyen-vien", "Muộn hơn", now.AddDays(3)),
            new HumanTaskSpec("SO-TU-PHAP", "chuyen-vien", "Sớm hơn", now.AddDays(1)),
            new HumanTaskSpec("SO-TU-PHAP", "lanh-dao", "Phê duyệt", now.AddDays(2)),
            new HumanTaskSpec("SO-Y-TE", "chuyen-vien", "Cơ quan khác", now));
        await using var scope = database.Scope();

        var inbox = await scope.Get<TaskStore>().ListOpenAsync("SO-TU-PHAP", ["chuyen-vien"], CancellationToken.None);

        Assert.Equal("Sớm hơn,Muộn hơn", string.Join(",", inbox.Select(t => t.Title)));
    }

    [Fact]
    public async Task Two_officers_claiming_at_once_get_one_claim()
    {
        var taskId = await OneTaskAsync();
        var start = new StartGate();
        var claims = new[] { "officer-a", "officer-b" }.Select(officer => Task.Run(async () =>
        {
            await using var scope = database.Scope();
            var store = scope.Get<TaskStore>();
            await start.WaitAsync();
            return await store.ClaimAsync(taskId, officer, null, CancellationToken.None);
        })).ToList();

        start.Open();
        var results = await Task.WhenAll(claims);

        var won = Assert.Single(results, r => r.Outcome == TaskChangeOutcome.Succeeded);
        var lost = Assert.Single(results, r => r.Outcome == TaskChangeOutcome.Conflict);
        Assert.Equal(won.Task!.ClaimedBy, lost.Task!.ClaimedBy);
    }

    [Fact]
    public async Task A_claim_with_a_stale_version_is_a_conflict()
    {
        var taskId = await OneTaskAsync();
        await using var scope = database.Scope();
        var store = scope.Get<TaskStore>();
        await store.ClaimAsync(taskId, "officer-a", null, CancellationToken.None);
        await store.UnclaimAsync(taskId, "officer-a", CancellationToken.None);

        var result = await store.ClaimAsync(taskId, "officer-b", expectedVersion: 1, CancellationToken.None);

        Assert.Equal(TaskChangeOutcome.Conflict, result.Outcome);
        Assert.Equal(HumanTaskStatus.Open, result.Task!.Status);
    }

    [Fact]
    public async Task Claiming_again_a_task_one_holds_succeeds()
    {
        var taskId = await OneTaskAsync();
        await using var scope = database.Scope();
        var store = scope.Get<TaskStore>();
        await store.ClaimAsync(taskId, "officer-a", null, CancellationToken.None);

        var again = await store.ClaimAsync(taskId, "officer-a", null, CancellationToken.None);

        Assert.Equal(TaskChangeOutcome.Succeeded, again.Outcome);
    }

    [Fact]
    public async Task Only_the_holder_can_give_a_task_back()
    {
        var taskId = await OneTaskAsync();
        await using var scope = database.Scope();
        var store = scope.Get<TaskStore>();
        await store.ClaimAsync(taskId, "officer-a", null, CancellationToken.None);

        var byOther = await store.UnclaimAsync(taskId, "officer-b", CancellationToken.None);
        var byHolder = await store.UnclaimAsync(taskId, "officer-a", CancellationToken.None);

        Assert.Equal(TaskChangeOutcome.Conflict, byOther.Outcome);
        Assert.Equal((TaskChangeOutcome.Succeeded, HumanTaskStatus.Open, null), (byHolder.Outcome, byHolder.Task!.Status, byHolder.Task.ClaimedBy));
    }

    [Fact]
    public async Task The_holder_completes_a_task_with_an_outcome_and_it_leaves_the_inbox()
    {
        var taskId = await OneTaskAsync();
        await using var scope = database.Scope();
        var store = scope.Get<TaskStore>();
        await store.ClaimAsync(taskId, "officer-a", null, CancellationToken.None);

        var byOther = await store.CompleteAsync(taskId, "officer-b", "Approve", CancellationToken.None);
        var done = await store.CompleteAsync(taskId, "officer-a", "Approve", CancellationToken.None);

        Assert.Equal(TaskChangeOutcome.Conflict, byOther.Outcome);
        Assert.Equal((TaskChangeOutcome.Succeeded, HumanTaskStatus.Done, "Approve"), (done.Outcome, done.Task!.Status, done.Task.Outcome));
        Assert.Empty(await store.ListOpenAsync("SO-TU-PHAP", ["chuyen-vien"], CancellationToken.None));
    }

    [Fact]
    public async Task An_unclaimed_task_cannot_be_completed()
    {
        var taskId = await OneTaskAsync();
        await using var scope = database.Scope();

        var result = await scope.Get<TaskStore>().CompleteAsync(taskId, "officer-a", "Approve", CancellationToken.None);

        Assert.Equal(TaskChangeOutcome.Conflict, result.Outcome);
    }

    [Fact]
    public async Task Changing_an_unknown_task_says_not_found()
    {
        await using var scope = database.Scope();

        var result = await scope.Get<TaskStore>().ClaimAsync(Guid.NewGuid(), "officer-a", null, CancellationToken.None);

        Assert.Equal(TaskChangeOutcome.NotFound, result.Outcome);
    }
}

public sealed class TaskStoreOnSqliteTests() : TaskStoreTests(DatabaseProvider.Sqlite);

public sealed class TaskStoreOnPostgresTests() : TaskStoreTests(DatabaseProvider.Postgres);
