using Dvc.Engine.Persistence.Outbox;
using Dvc.Engine.Persistence.Tasks;
using Dvc.Engine.Persistence.Timers;
using Dvc.Engine.Persistence.Workflows;

namespace Dvc.Engine.Persistence.Tests.Workflows;

public abstract class WorkflowStoreTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase database = null!;
    private Guid dossierId;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(provider);
        dossierId = (await database.SeedDossierAsync(await database.SeedProcedureAsync())).Id;
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    private async Task<WorkflowSaveResult> StartAsync(params NewBookmark[] bookmarks)
    {
        await using var scope = database.Scope();
        return await scope.Get<WorkflowStore>().CreateAsync(dossierId, """{"step":0}""", "Suspended", bookmarks, null, CancellationToken.None);
    }

    [Fact]
    public async Task A_save_naming_the_current_version_is_stored_and_bumps_the_version()
    {
        var started = await StartAsync();
        await using var scope = database.Scope();
        var store = scope.Get<WorkflowStore>();

        var saved = await store.SaveStateAsync(new WorkflowStateUpdate(started.InstanceId, started.Version, """{"step":1}""", "Running"), CancellationToken.None);

        Assert.Equal((WorkflowSaveOutcome.Saved, 2L), (saved.Outcome, saved.Version));
        var instance = await store.GetAsync(started.InstanceId, CancellationToken.None);
        Assert.Equal(("""{"step":1}""", "Running", 2L), (instance!.StateJson, instance.Status, instance.Version));
    }

    [Fact]
    public async Task A_save_from_a_stale_version_is_a_conflict_and_changes_nothing()
    {
        var started = await StartAsync();
        await using var scope = database.Scope();
        var store = scope.Get<WorkflowStore>();
        await store.SaveStateAsync(new WorkflowStateUpdate(started.InstanceId, 1, """{"step":1}""", "Running"), CancellationToken.None);

        var stale = await store.SaveStateAsync(
            new WorkflowStateUpdate(started.InstanceId, 1, """{"step":99}""", "Finished") { NewBookmarks = [new NewBookmark("a1", "Dvc.HumanTask", "h")] },
            CancellationToken.None);

        Assert.Equal(WorkflowSaveOutcome.Conflict, stale.Outcome);
        Assert.Equal("""{"step":1}""", (await store.GetAsync(started.InstanceId, CancellationToken.None))!.StateJson);
        Assert.Empty(await store.ListOpenBookmarksAsync(started.InstanceId, CancellationToken.None));
    }

    [Fact]
    public async Task Saving_an_unknown_instance_says_not_found()
    {
        await using var scope = database.Scope();

        var result = await scope.Get<WorkflowStore>().SaveStateAsync(new WorkflowStateUpdate(Guid.NewGuid(), 1, "{}", "Running"), CancellationToken.None);

        Assert.Equal(WorkflowSaveOutcome.NotFound, result.Outcome);
    }

    [Fact]
    public async Task New_bookmarks_open_their_tasks_timers_and_messages_in_the_same_save()
    {
        var started = await StartAsync();
        var due = database.Clock.GetUtcNow().AddDays(3);
        await using var scope = database.Scope();
        var update = new WorkflowStateUpdate(started.InstanceId, started.Version, "{}", "Suspended")
        {
            NewBookmarks =
            [
                new NewBookmark("review", "Dvc.HumanTask", "review", Task: new HumanTaskSpec("SO-TU-PHAP", "chuyen-vien", "Thẩm định hồ sơ", due)),
                new NewBookmark("sla", "Elsa.Timer", "sla", DueAt: due),
            ],
            OutboxMessages = [new NewOutboxMessage("notify.email", """{"to":"citizen-1"}""")],
        };

        var saved = await scope.Get<WorkflowStore>().SaveStateAsync(update, CancellationToken.None);

        Assert.Equal(2, saved.Bookmarks.Count);
        var task = Assert.Single(await scope.Get<TaskStore>().ListForDossierAsync(dossierId, CancellationToken.None));
        Assert.Equal((saved.Bookmarks[0].Id, "Thẩm định hồ sơ", HumanTaskStatus.Open), (task.BookmarkId, task.Title, task.Status));
        database.Clock.Advance(TimeSpan.FromDays(4));
        var timer = Assert.Single(await scope.Get<TimerStore>().ClaimDueAsync("node-a", TimeSpan.FromMinutes(1), 10, CancellationToken.None));
        Assert.Equal(saved.Bookmarks[1].Id, timer.BookmarkId);
        Assert.Single(await scope.Get<OutboxStore>().ClaimDueAsync("node-a", TimeSpan.FromMinutes(1), 10, CancellationToken.None));
    }

    [Fact]
    public async Task Open_bookmarks_are_found_by_name_and_hash()
    {
        var started = await StartAsync(new NewBookmark("pay", "Dvc.RequestPayment", "ref-123"), new NewBookmark("pay2", "Dvc.RequestPayment", "ref-456"));
        await using var scope = database.Scope();

        var found = await scope.Get<WorkflowStore>().FindOpenBookmarksAsync("Dvc.RequestPayment", "ref-123", CancellationToken.None);

        Assert.Equal(started.Bookmarks[0].Id, Assert.Single(found).Id);
    }

    [Fact]
    public async Task A_bookmark_is_consumed_once_and_the_second_caller_learns_who_won()
    {
        var started = await StartAsync(new NewBookmark("review", "Dvc.HumanTask", "review"));
        var bookmarkId = started.Bookmarks[0].Id;
        await using var scope = database.Scope();
        var store = scope.Get<WorkflowStore>();

        var first = await store.TryConsumeBookmarkAsync(bookmarkId, "node-a", CancellationToken.None);
        var second = await store.TryConsumeBookmarkAsync(bookmarkId, "node-b", CancellationToken.None);

        Assert.Equal(BookmarkConsumeOutcome.Consumed, first.Outcome);
        Assert.Equal((BookmarkConsumeOutcome.AlreadyConsumed, "node-a"), (second.Outcome, second.ConsumedBy));
        Assert.Empty(await store.FindOpenBookmarksAsync("Dvc.HumanTask", "review", CancellationToken.None));
    }

    [Fact]
    public async Task Two_racing_consumers_on_two_contexts_never_both_win()
    {
        // Many rounds: a single race can pass by luck of scheduling.
        for (var round = 0; round < 15; round++)
        {
            var started = await StartAsync(new NewBookmark("pay", "Dvc.RequestPayment", $"ref-{round}"));
            var bookmarkId = started.Bookmarks[0].Id;
            var start = new StartGate();
            var racers = new[] { "node-a", "node-b" }.Select(node => Task.Run(async () =>
            {
                await using var scope = database.Scope();
                var store = scope.Get<WorkflowStore>();
                await start.WaitAsync();
                return await store.TryConsumeBookmarkAsync(bookmarkId, node, CancellationToken.None);
            })).ToList();

            start.Open();
            var results = await Task.WhenAll(racers);

            var winner = Assert.Single(results, r => r.Outcome == BookmarkConsumeOutcome.Consumed);
            var loser = Assert.Single(results, r => r.Outcome == BookmarkConsumeOutcome.AlreadyConsumed);
            Assert.Equal(winner.ConsumedBy, loser.ConsumedBy);
        }
    }

    [Fact]
    public async Task Consuming_an_unknown_bookmark_says_not_found()
    {
        await using var scope = database.Scope();

        var result = await scope.Get<WorkflowStore>().TryConsumeBookmarkAsync(Guid.NewGuid(), "node-a", CancellationToken.None);

        Assert.Equal(BookmarkConsumeOutcome.NotFound, result.Outcome);
    }
}

public sealed class WorkflowStoreOnSqliteTests() : WorkflowStoreTests(DatabaseProvider.Sqlite);

public sealed class WorkflowStoreOnPostgresTests() : WorkflowStoreTests(DatabaseProvider.Postgres);
