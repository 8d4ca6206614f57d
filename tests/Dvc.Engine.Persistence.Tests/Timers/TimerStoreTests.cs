using Dvc.Engine.Persistence.Timers;
using Dvc.Engine.Persistence.Workflows;

namespace Dvc.Engine.Persistence.Tests.Timers;

public abstract class TimerStoreTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await database.DisposeAsync();

    private async Task ScheduleAsync(params TimeSpan[] dueIn)
    {
        var dossier = await database.SeedDossierAsync(await database.SeedProcedureAsync());
        var now = database.Clock.GetUtcNow();
        await using var scope = database.Scope();
        await scope.Get<WorkflowStore>().CreateAsync(
            dossier.Id,
            "{}",
            "Suspended",
            dueIn.Select((d, i) => new NewBookmark($"t{i}", "Elsa.Timer", $"t{i}", DueAt: now + d)).ToList(),
            null,
            CancellationToken.None);
    }

    private async Task<IReadOnlyList<TimerRecord>> ClaimAsync(string owner)
    {
        await using var scope = database.Scope();
        return await scope.Get<TimerStore>().ClaimDueAsync(owner, Lease, 10, CancellationToken.None);
    }

    [Fact]
    public async Task Only_due_timers_are_claimed_earliest_first()
    {
        await ScheduleAsync(TimeSpan.FromMinutes(-5), TimeSpan.FromMinutes(-10), TimeSpan.FromMinutes(30));

        var claimed = await ClaimAsync("node-a");

        Assert.Equal(2, claimed.Count);
        Assert.True(claimed[0].DueAt < claimed[1].DueAt);
        Assert.All(claimed, t => Assert.Equal(("node-a", database.Clock.GetUtcNow() + Lease), (t.LeaseOwner, t.LeaseUntil)));
    }

    [Fact]
    public async Task A_leased_timer_is_not_claimed_by_another_node()
    {
        await ScheduleAsync(TimeSpan.Zero);
        await ClaimAsync("node-a");

        var other = await ClaimAsync("node-b");

        Assert.Empty(other);
    }

    [Fact]
    public async Task An_expired_lease_is_claimed_again_and_the_first_owner_can_no_longer_fire_it()
    {
        await ScheduleAsync(TimeSpan.Zero);
        var first = Assert.Single(await ClaimAsync("node-a"));
        database.Clock.Advance(Lease + TimeSpan.FromSeconds(1));

        var second = Assert.Single(await ClaimAsync("node-b"));
        await using var scope = database.Scope();
        var store = scope.Get<TimerStore>();
        var staleFire = await store.MarkFiredAsync(first.Id, "node-a", CancellationToken.None);
        var fire = await store.MarkFiredAsync(second.Id, "node-b", CancellationToken.None);

        Assert.Equal(first.Id, second.Id);
        Assert.False(staleFire);
        Assert.True(fire);
    }

    [Fact]
    public async Task A_fired_timer_is_never_claimed_again()
    {
        await ScheduleAsync(TimeSpan.Zero);
        var timer = Assert.Single(await ClaimAsync("node-a"));
        await using (var scope = database.Scope())
        {
            await scope.Get<TimerStore>().MarkFiredAsync(timer.Id, "node-a", CancellationToken.None);
        }

        database.Clock.Advance(TimeSpan.FromHours(1));

        Assert.Empty(await ClaimAsync("node-b"));
    }

    [Fact]
    public async Task A_released_timer_can_be_claimed_at_once()
    {
        await ScheduleAsync(TimeSpan.Zero);
        var timer = Assert.Single(await ClaimAsync("node-a"));
        await using (var scope = database.Scope())
        {
            Assert.True(await scope.Get<TimerStore>().ReleaseAsync(timer.Id, "node-a", CancellationToken.None));
        }

        Assert.Single(await ClaimAsync("node-b"));
    }

    [Fact]
    public async Task Nodes_claiming_at_once_share_the_timers_without_overlap()
    {
        await ScheduleAsync(Enumerable.Range(0, 12).Select(i => TimeSpan.FromSeconds(-i)).ToArray());
        var start = new StartGate();
        var nodes = Enumerable.Range(0, 4).Select(n => Task.Run(async () =>
        {
            await using var scope = database.Scope();
            var store = scope.Get<TimerStore>();
            await start.WaitAsync();
            return await store.ClaimDueAsync($"node-{n}", Lease, 12, CancellationToken.None);
        })).ToList();

        start.Open();
        var claims = await Task.WhenAll(nodes);

        var all = claims.SelectMany(c => c).ToList();
        Assert.Equal(12, all.Count);
        Assert.Equal(12, all.Select(t => t.Id).Distinct().Count());
    }
}

public sealed class TimerStoreOnSqliteTests() : TimerStoreTests(DatabaseProvider.Sqlite);

public sealed class TimerStoreOnPostgresTests() : TimerStoreTests(DatabaseProvider.Postgres);
