using System.Data.Common;
using Dvc.Engine.Persistence.Dossiers;
using Microsoft.EntityFrameworkCore;

namespace Dvc.Engine.Persistence.Tests.Dossiers;

public abstract class DossierStoreTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase database = null!;
    private Guid versionId;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(provider);
        versionId = await database.SeedProcedureAsync();
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    private NewDossier Request(string? applicant = "citizen-1", string agency = "SO-TU-PHAP", DateTimeOffset? submittedAt = null) => new()
    {
        ProcedureVersionId = versionId,
        AgencyCode = agency,
        ApplicantUserId = applicant,
        ApplicantName = "Trần Thị Bình",
        ApplicantCitizenId = "001190000001",
        DataJson = """{"hoTen":"Trần Thị Bình"}""",
        SubmittedAt = submittedAt,
    };

    [Fact]
    public async Task A_person_sees_what_they_applied_for_filed_for_others_and_what_names_their_verified_ID_number()
    {
        await using var scope = database.Scope();
        var store = scope.Get<DossierStore>();
        await store.CreateAsync(Request(applicant: "parent") with { ApplicantName = "Trẻ", ApplicantCitizenId = null }, CancellationToken.None);
        await store.CreateAsync(Request(applicant: null) with { SubmittedByUserId = "parent", ApplicantName = "Con", ApplicantCitizenId = null }, CancellationToken.None);
        await store.CreateAsync(Request(applicant: "old-account") with { ApplicantCitizenId = "001090012345" }, CancellationToken.None);
        await store.CreateAsync(Request(applicant: "someone-else") with { ApplicantCitizenId = "001090099999" }, CancellationToken.None);

        var byAccount = await store.ListForPersonAsync("parent", null, 0, 50, CancellationToken.None);
        var verified = await store.ListForPersonAsync("parent", "001090012345", 0, 50, CancellationToken.None);

        Assert.Equal(2, byAccount.Count);
        Assert.Equal(3, verified.Count);
    }

    [Fact]
    public async Task A_new_dossier_gets_a_code_and_its_submitted_event_together()
    {
        await using var scope = database.Scope();
        var store = scope.Get<DossierStore>();

        var dossier = await store.CreateAsync(Request() with { SubmittedByUserId = "officer-7" }, CancellationToken.None);
        var events = await store.ListEventsAsync(dossier.Id, CancellationToken.None);

        Assert.Matches(Code("HN", 2026), dossier.Code);
        Assert.Equal("HN-TP-001", dossier.ProcedureCode);
        Assert.Equal(1, dossier.Version);
        var submitted = Assert.Single(events);
        Assert.Equal(("Submitted", 1L, "officer-7"), (submitted.Kind, submitted.Sequence, submitted.Actor));
    }

    [Fact]
    public async Task Twenty_concurrent_submissions_get_twenty_different_codes()
    {
        var start = new StartGate();
        var creations = Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
        {
            await using var scope = database.Scope();
            var store = scope.Get<DossierStore>();
            await start.WaitAsync();
            return await store.CreateAsync(Request(applicant: $"citizen-{i}"), CancellationToken.None);
        })).ToList();

        start.Open();
        var dossiers = await Task.WhenAll(creations);

        Assert.Equal(20, dossiers.Select(d => d.Code).Distinct(StringComparer.Ordinal).Count());
        Assert.All(dossiers, d => Assert.Matches(Code("HN", 2026), d.Code));
    }

    [Fact]
    public async Task Codes_are_random_not_a_sequence_one_could_count_on()
    {
        await using var scope = database.Scope();
        var store = scope.Get<DossierStore>();

        var codes = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            codes.Add((await store.CreateAsync(Request(), CancellationToken.None)).Code);
        }

        // Consecutive dossiers share no random part, nor even its first group (30⁴ values).
        Assert.Equal(5, codes.Select(c => c[8..12]).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task The_code_carries_the_year_in_Hanoi_time_and_the_prefix()
    {
        await using var scope = database.Scope();
        var store = scope.Get<DossierStore>();

        // 31/12/2026 18:00 UTC is already 01/01/2027 in Hanoi.
        var newYear = await store.CreateAsync(Request(submittedAt: new DateTimeOffset(2026, 12, 31, 18, 0, 0, TimeSpan.Zero)), CancellationToken.None);
        var otherPrefix = await store.CreateAsync(Request() with { CodePrefix = "HCM" }, CancellationToken.None);

        Assert.Matches(Code("HN", 2027), newYear.Code);
        Assert.Matches(Code("HCM", 2026), otherPrefix.Code);
    }

    [Theory]
    [InlineData("hn-2026-k7qx-m2pd", "HN-2026-K7QX-M2PD")]
    [InlineData(" HN-2026-K7QXM2PD ", "HN-2026-K7QX-M2PD")]
    [InlineData("HN 2026 K7QX M2PD", "HN-2026-K7QX-M2PD")]
    [InlineData("not a code", "NOT-A-CODE")]
    public void A_typed_code_is_read_in_its_stored_form(string typed, string stored) =>
        Assert.Equal(stored, DossierCodes.Normalize(typed));

    private static string Code(string prefix, int year) => $"^{prefix}-{year}-[{DossierCodes.Alphabet}]{{4}}-[{DossierCodes.Alphabet}]{{4}}$";

    [Fact]
    public async Task A_dossier_is_found_by_its_code_with_its_attachments()
    {
        await using var scope = database.Scope();
        var store = scope.Get<DossierStore>();
        var created = await store.CreateAsync(
            Request() with { Attachments = [new NewAttachment("cccd", "cccd.pdf", "application/pdf", 52_133, new string('a', 64), "blobs/cccd.pdf")] },
            CancellationToken.None);

        var found = await store.GetByCodeAsync(created.Code, CancellationToken.None);
        var attachments = await store.ListAttachmentsAsync(created.Id, CancellationToken.None);

        Assert.Equal(created.Id, found!.Id);
        Assert.Equal("cccd.pdf", Assert.Single(attachments).FileName);
        Assert.Null(await store.GetByCodeAsync("HN-2026-9999999", CancellationToken.None));
    }

    [Fact]
    public async Task Dossiers_are_listed_for_their_applicant_and_their_agency()
    {
        await using var scope = database.Scope();
        var store = scope.Get<DossierStore>();
        await store.CreateAsync(Request(applicant: "citizen-1"), CancellationToken.None);
        database.Clock.Advance(TimeSpan.FromHours(1));
        await store.CreateAsync(Request(applicant: "citizen-1", agency: "SO-Y-TE"), CancellationToken.None);
        await store.CreateAsync(Request(applicant: "citizen-2"), CancellationToken.None);

        var mine = await store.ListForPersonAsync("citizen-1", null, 0, 50, CancellationToken.None);
        var agency = await store.ListForAgencyAsync("SO-TU-PHAP", null, 0, 50, CancellationToken.None);

        Assert.Equal("SO-Y-TE,SO-TU-PHAP", string.Join(",", mine.Select(d => d.AgencyCode)));
        Assert.Equal(2, agency.Count);
    }

    [Fact]
    public async Task Events_are_appended_in_order_even_when_written_concurrently()
    {
        var dossier = await database.SeedDossierAsync(versionId);
        var start = new StartGate();
        var appends = Enumerable.Range(0, 10).Select(i => Task.Run(async () =>
        {
            await using var scope = database.Scope();
            var store = scope.Get<DossierStore>();
            await start.WaitAsync();
            await store.AppendEventAsync(dossier.Id, new NewDossierEvent($"officer-{i}", "Note", Reason: $"ghi chú {i}"), CancellationToken.None);
        })).ToList();

        start.Open();
        await Task.WhenAll(appends);

        await using var reader = database.Scope();
        var events = await reader.Get<DossierStore>().ListEventsAsync(dossier.Id, CancellationToken.None);
        Assert.Equal(Enumerable.Range(1, 11).Select(n => (long)n), events.Select(e => e.Sequence));
        Assert.Equal("Submitted", events[0].Kind);
    }

    [Fact]
    public async Task An_event_cannot_be_changed_once_written()
    {
        var dossier = await database.SeedDossierAsync(versionId);
        await using var scope = database.Scope();
        var db = scope.Get<DvcDbContext>();
        var submitted = await db.DossierEvents.SingleAsync(e => e.DossierId == dossier.Id);

        submitted.Reason = "rewritten";

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task The_event_log_refuses_a_duplicate_sequence()
    {
        var dossier = await database.SeedDossierAsync(versionId);
        await using var scope = database.Scope();
        var db = scope.Get<DvcDbContext>();
        db.DossierEvents.Add(new DossierEvent { Id = Guid.NewGuid(), DossierId = dossier.Id, Sequence = 1, Actor = "x", Kind = "Forged", At = database.Clock.GetUtcNow() });

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        Assert.IsAssignableFrom<DbException>(error.InnerException);
    }

    [Fact]
    public async Task An_update_applies_the_change_and_its_event_and_bumps_the_version()
    {
        var dossier = await database.SeedDossierAsync(versionId);
        await using var scope = database.Scope();
        var store = scope.Get<DossierStore>();

        var result = await store.UpdateAsync(
            dossier.Id,
            dossier.Version,
            d => d.Status = "Processing",
            new NewDossierEvent("officer-1", "StatusChanged", """{"to":"Processing"}"""),
            CancellationToken.None);

        Assert.Equal(DossierUpdateOutcome.Updated, result.Outcome);
        Assert.Equal(("Processing", 2L), (result.Dossier!.Status, result.Dossier.Version));
        Assert.Equal(2, result.Event!.Sequence);
    }

    [Fact]
    public async Task An_update_from_a_stale_read_is_a_conflict_and_writes_nothing()
    {
        var dossier = await database.SeedDossierAsync(versionId);
        await using var scope = database.Scope();
        var store = scope.Get<DossierStore>();
        await store.UpdateAsync(dossier.Id, dossier.Version, d => d.Status = "Processing", null, CancellationToken.None);

        var stale = await store.UpdateAsync(dossier.Id, dossier.Version, d => d.Status = "Rejected", new NewDossierEvent("officer-2", "StatusChanged"), CancellationToken.None);

        Assert.Equal(DossierUpdateOutcome.Conflict, stale.Outcome);
        Assert.Equal("Processing", (await store.GetAsync(dossier.Id, CancellationToken.None))!.Status);
        Assert.Single(await store.ListEventsAsync(dossier.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Two_contexts_saving_the_same_row_version_conflict_on_the_concurrency_token()
    {
        var dossier = await database.SeedDossierAsync(versionId);
        await using var first = database.Scope();
        await using var second = database.Scope();
        var mine = await first.Get<DvcDbContext>().Dossiers.SingleAsync(d => d.Id == dossier.Id);
        var theirs = await second.Get<DvcDbContext>().Dossiers.SingleAsync(d => d.Id == dossier.Id);

        mine.Status = "Processing";
        await first.Get<DvcDbContext>().SaveChangesAsync();
        theirs.Status = "Rejected";

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.Get<DvcDbContext>().SaveChangesAsync());
    }

    [Fact]
    public async Task Updating_a_missing_dossier_says_not_found()
    {
        await using var scope = database.Scope();

        var result = await scope.Get<DossierStore>().UpdateAsync(Guid.NewGuid(), 1, d => d.Status = "X", null, CancellationToken.None);

        Assert.Equal(DossierUpdateOutcome.NotFound, result.Outcome);
    }

    [Fact]
    public async Task Overdue_candidates_are_unfinished_dossiers_past_due_without_a_slip()
    {
        var now = database.Clock.GetUtcNow();
        await using var scope = database.Scope();
        var store = scope.Get<DossierStore>();
        var late = await store.CreateAsync(Request() with { DueAt = now.AddHours(-2) }, CancellationToken.None);
        await store.CreateAsync(Request() with { DueAt = now.AddHours(2) }, CancellationToken.None);
        var done = await store.CreateAsync(Request() with { DueAt = now.AddHours(-3) }, CancellationToken.None);
        await store.UpdateAsync(done.Id, done.Version, d => d.CompletedAt = now, null, CancellationToken.None);
        var notified = await store.CreateAsync(Request() with { DueAt = now.AddHours(-4) }, CancellationToken.None);
        await store.UpdateAsync(notified.Id, notified.Version, d => d.OverdueNotifiedAt = now, null, CancellationToken.None);

        var candidates = await store.ListOverdueCandidatesAsync(now, CancellationToken.None);

        var row = Assert.Single(candidates);
        Assert.Equal(late.Code, row.Code);
        Assert.Equal(now.AddHours(-2), row.DueAt);
    }

    [Fact]
    public async Task Instants_survive_the_round_trip_to_the_same_moment()
    {
        var due = new DateTimeOffset(2026, 3, 9, 17, 0, 0, TimeSpan.FromHours(7));
        await using var scope = database.Scope();
        var store = scope.Get<DossierStore>();

        var created = await store.CreateAsync(Request() with { DueAt = due }, CancellationToken.None);

        Assert.Equal(due, created.DueAt);
        Assert.Equal(due.UtcTicks, created.DueAt!.Value.UtcTicks);
    }

    [Fact]
    public async Task Feedback_is_accepted_once_per_dossier()
    {
        var dossier = await database.SeedDossierAsync(versionId);
        await using var scope = database.Scope();
        var store = scope.Get<DossierStore>();

        var first = await store.AddFeedbackAsync(dossier.Id, 5, "Nhanh, đúng hẹn", "citizen-1", CancellationToken.None);
        var second = await store.AddFeedbackAsync(dossier.Id, 1, null, "citizen-1", CancellationToken.None);

        Assert.True(first);
        Assert.False(second);
        Assert.Equal((1, 5.0), await store.GetFeedbackStatsAsync("SO-TU-PHAP", CancellationToken.None));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public async Task A_rating_outside_one_to_five_is_a_caller_error(int rating)
    {
        var dossier = await database.SeedDossierAsync(versionId);
        await using var scope = database.Scope();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => scope.Get<DossierStore>().AddFeedbackAsync(dossier.Id, rating, null, null, CancellationToken.None));
    }
}

public sealed class DossierStoreOnSqliteTests() : DossierStoreTests(DatabaseProvider.Sqlite);

public sealed class DossierStoreOnPostgresTests() : DossierStoreTests(DatabaseProvider.Postgres);
