using System.Text.Json;
using Dvc.Engine.Core.Calendar;
using Dvc.Engine.Persistence.Dossiers;

namespace Dvc.Engine.Persistence.Tests.Dossiers;

public sealed class DossierClockTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Due = new(2026, 3, 9, 9, 0, 0, WorkingCalendar.UtcOffset);
    private readonly WorkingCalendar calendar = new();
    private SqliteDatabase database = null!;
    private DossierRecord dossier = null!;

    public async Task InitializeAsync()
    {
        database = await SqliteDatabase.CreateAsync();
        var versionId = await database.SeedProcedureAsync();
        await using var scope = database.Scope();
        dossier = await scope.Get<DossierStore>().CreateAsync(
            new NewDossier { ProcedureVersionId = versionId, AgencyCode = "SO-TU-PHAP", ApplicantName = "Lê Văn Cường", DataJson = "{}", DueAt = Due },
            CancellationToken.None);
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task Resuming_moves_the_deadline_by_the_office_time_the_clock_was_stopped()
    {
        await using var scope = database.Scope();
        var store = scope.Get<DossierStore>();
        var paused = await store.PauseClockAsync(dossier.Id, dossier.Version, "officer-1", "Thiếu bản sao giấy khai sinh", CancellationToken.None);

        // Monday 09:00 → Tuesday 09:00 in Hanoi: one working day waiting for the citizen.
        database.Clock.Advance(TimeSpan.FromDays(1));
        var resumed = await store.ResumeClockAsync(dossier.Id, paused.Dossier!.Version, "citizen-1", "Đã bổ sung", calendar, CancellationToken.None);

        Assert.Equal(DossierUpdateOutcome.Updated, resumed.Outcome);
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 9, 0, 0, WorkingCalendar.UtcOffset), resumed.Dossier!.DueAt);
        Assert.Equal((1m, (DateTimeOffset?)null), (resumed.Dossier.PausedWorkingDays, resumed.Dossier.PausedAt));
        var events = await store.ListEventsAsync(dossier.Id, CancellationToken.None);
        Assert.Equal("Submitted,ClockPaused,ClockResumed", string.Join(",", events.Select(e => e.Kind)));
        using var data = JsonDocument.Parse(events[2].DataJson!);
        Assert.Equal(1m, data.RootElement.GetProperty("pausedWorkingDays").GetDecimal());
        Assert.Equal("2026-03-10T09:00:00.0000000+07:00", data.RootElement.GetProperty("dueAt").GetString());
    }

    [Fact]
    public async Task A_pause_over_a_weekend_only_counts_office_time()
    {
        await using var scope = database.Scope();
        var store = scope.Get<DossierStore>();
        database.Clock.Advance(TimeSpan.FromDays(4) + TimeSpan.FromHours(8)); // Friday 17:00 Hanoi
        var paused = await store.PauseClockAsync(dossier.Id, dossier.Version, "officer-1", "Chờ nộp phí", CancellationToken.None);
        database.Clock.Advance(TimeSpan.FromDays(2) + TimeSpan.FromHours(15)); // Monday 08:00

        var resumed = await store.ResumeClockAsync(dossier.Id, paused.Dossier!.Version, "citizen-1", "Đã nộp phí", calendar, CancellationToken.None);

        Assert.Equal(Due, resumed.Dossier!.DueAt);
    }

    [Fact]
    public async Task Pausing_a_stopped_clock_is_refused_and_logs_nothing()
    {
        await using var scope = database.Scope();
        var store = scope.Get<DossierStore>();
        var paused = await store.PauseClockAsync(dossier.Id, dossier.Version, "officer-1", "Thiếu giấy tờ", CancellationToken.None);

        var again = await store.PauseClockAsync(dossier.Id, paused.Dossier!.Version, "officer-1", "Thiếu giấy tờ", CancellationToken.None);

        Assert.Equal(DossierUpdateOutcome.Conflict, again.Outcome);
        Assert.Equal(paused.Dossier.Version, again.Dossier!.Version);
        Assert.Equal(2, (await store.ListEventsAsync(dossier.Id, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Resuming_a_running_clock_is_refused()
    {
        await using var scope = database.Scope();

        var result = await scope.Get<DossierStore>().ResumeClockAsync(dossier.Id, dossier.Version, "citizen-1", "x", calendar, CancellationToken.None);

        Assert.Equal(DossierUpdateOutcome.Conflict, result.Outcome);
        Assert.Equal(Due, result.Dossier!.DueAt);
    }
}
