using Dvc.Engine.Persistence.Outbox;

namespace Dvc.Engine.Persistence.Tests.Outbox;

public abstract class OutboxStoreTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await database.DisposeAsync();

    private async Task<OutboxMessageRecord> EnqueueAsync(DateTimeOffset? notBefore = null)
    {
        await using var scope = database.Scope();
        return await scope.Get<OutboxStore>().EnqueueAsync(new NewOutboxMessage("notify.email", """{"to":"a@example.vn"}""", notBefore), CancellationToken.None);
    }

    private async Task<IReadOnlyList<OutboxMessageRecord>> ClaimAsync(string owner)
    {
        await using var scope = database.Scope();
        return await scope.Get<OutboxStore>().ClaimDueAsync(owner, Lease, 10, CancellationToken.None);
    }

    [Fact]
    public async Task A_claimed_message_is_delivered_once()
    {
        var message = await EnqueueAsync();
        var claimed = Assert.Single(await ClaimAsync("node-a"));
        await using var scope = database.Scope();
        var store = scope.Get<OutboxStore>();

        var delivered = await store.MarkDeliveredAsync(claimed.Id, "node-a", CancellationToken.None);
        database.Clock.Advance(TimeSpan.FromHours(1));

        Assert.True(delivered);
        Assert.Equal((message.Id, 1), (claimed.Id, claimed.Attempts));
        Assert.Empty(await ClaimAsync("node-b"));
    }

    [Fact]
    public async Task A_message_is_not_claimed_before_its_time()
    {
        await EnqueueAsync(notBefore: database.Clock.GetUtcNow().AddMinutes(10));

        var early = await ClaimAsync("node-a");
        database.Clock.Advance(TimeSpan.FromMinutes(10));
        var onTime = await ClaimAsync("node-a");

        Assert.Empty(early);
        Assert.Single(onTime);
    }

    [Fact]
    public async Task A_lease_that_ran_out_lets_another_node_take_the_message()
    {
        await EnqueueAsync();
        var first = Assert.Single(await ClaimAsync("node-a"));
        Assert.Empty(await ClaimAsync("node-b"));
        database.Clock.Advance(Lease);

        var second = Assert.Single(await ClaimAsync("node-b"));
        await using var scope = database.Scope();
        var lateDelivery = await scope.Get<OutboxStore>().MarkDeliveredAsync(first.Id, "node-a", CancellationToken.None);

        Assert.Equal((first.Id, 2), (second.Id, second.Attempts));
        Assert.False(lateDelivery);
    }

    [Fact]
    public async Task A_failed_attempt_is_retried_after_the_delay()
    {
        await EnqueueAsync();
        var claimed = Assert.Single(await ClaimAsync("node-a"));
        await using var scope = database.Scope();
        var store = scope.Get<OutboxStore>();

        var outcome = await store.MarkFailedAsync(claimed.Id, "node-a", "SMTP 451", TimeSpan.FromMinutes(5), maxAttempts: 3, CancellationToken.None);
        var tooEarly = await ClaimAsync("node-a");
        database.Clock.Advance(TimeSpan.FromMinutes(5));
        var retried = Assert.Single(await ClaimAsync("node-a"));

        Assert.Equal(OutboxFailureOutcome.Retrying, outcome);
        Assert.Empty(tooEarly);
        Assert.Equal((2, "SMTP 451"), (retried.Attempts, retried.LastError));
    }

    [Fact]
    public async Task A_message_that_keeps_failing_is_dead_lettered()
    {
        var message = await EnqueueAsync();
        var outcomes = new List<OutboxFailureOutcome>();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var claimed = Assert.Single(await ClaimAsync("node-a"));
            await using var scope = database.Scope();
            outcomes.Add(await scope.Get<OutboxStore>().MarkFailedAsync(claimed.Id, "node-a", "down", TimeSpan.FromSeconds(30), maxAttempts: 3, CancellationToken.None));
            database.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        await using var reader = database.Scope();
        var dead = await reader.Get<OutboxStore>().ListDeadLetteredAsync(10, CancellationToken.None);

        Assert.Equal([OutboxFailureOutcome.Retrying, OutboxFailureOutcome.Retrying, OutboxFailureOutcome.DeadLettered], outcomes);
        Assert.Equal(message.Id, Assert.Single(dead).Id);
        Assert.Empty(await ClaimAsync("node-a"));
    }

    [Fact]
    public async Task A_node_that_lost_the_lease_cannot_report_a_failure()
    {
        await EnqueueAsync();
        var first = Assert.Single(await ClaimAsync("node-a"));
        database.Clock.Advance(Lease);
        await ClaimAsync("node-b");
        await using var scope = database.Scope();

        var outcome = await scope.Get<OutboxStore>().MarkFailedAsync(first.Id, "node-a", "late", TimeSpan.FromSeconds(1), 5, CancellationToken.None);

        Assert.Equal(OutboxFailureOutcome.LeaseLost, outcome);
    }

    [Fact]
    public async Task Nodes_polling_together_each_take_a_share_and_no_message_twice()
    {
        for (var i = 0; i < 30; i++)
        {
            await EnqueueAsync();
        }

        var start = new StartGate();
        var nodes = Enumerable.Range(0, 4).Select(n => Task.Run(async () =>
        {
            var mine = new List<OutboxMessageRecord>();
            await start.WaitAsync();
            while (await ClaimAsync($"node-{n}") is { Count: > 0 } batch)
            {
                mine.AddRange(batch);
            }

            return mine;
        })).ToList();

        start.Open();
        var all = (await Task.WhenAll(nodes)).SelectMany(m => m).ToList();

        Assert.Equal(30, all.Count);
        Assert.Equal(30, all.Select(m => m.Id).Distinct().Count());
        Assert.All(all, m => Assert.Equal(1, m.Attempts));
    }
}

public sealed class OutboxStoreOnSqliteTests() : OutboxStoreTests(DatabaseProvider.Sqlite);

public sealed class OutboxStoreOnPostgresTests() : OutboxStoreTests(DatabaseProvider.Postgres);
