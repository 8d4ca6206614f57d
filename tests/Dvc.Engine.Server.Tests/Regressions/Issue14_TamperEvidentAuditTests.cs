using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dvc.Engine.Server.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Dvc.Engine.Server.Tests.Regressions;

/// <summary>
/// Issue 14, tamper-evident audit: a plain SQL UPDATE re-attributed an approval and a DELETE removed an event, and
/// nothing showed it. Each dossier's events are now chained by hash, <c>dvc audit verify</c> names the first broken
/// link, and staff reads, downloads, claims and unclaims are events of the chain too.
/// </summary>
public sealed class Issue14_TamperEvidentAuditTests(DvcServerFactory server) : IClassFixture<DvcServerFactory>, IDisposable
{
    private readonly List<string> _copies = [];

    [Fact]
    public async Task An_untouched_database_verifies()
    {
        await ApprovedDossierAsync();

        var (exit, output) = Verify(Snapshot());

        Assert.True(exit == 0, output);
        Assert.Contains("every chain holds", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plain_sql_update_that_re_attributes_an_approval_is_reported_at_that_event()
    {
        var code = await ApprovedDossierAsync();
        var copy = Snapshot();
        var sequence = Execute(copy, """
            UPDATE "DossierEvents" SET "Actor" = 'someone-else'
            WHERE "Kind" = 'TaskCompleted' AND "DossierId" = (SELECT "Id" FROM "Dossiers" WHERE "Code" = $code)
            RETURNING "Sequence"
            """, code);

        var (exit, output) = Verify(copy);

        Assert.Equal(1, exit);
        Assert.StartsWith($"BROKEN {code} at event {sequence}: ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plain_sql_delete_of_an_event_is_reported_where_the_gap_is()
    {
        var code = await ApprovedDossierAsync();
        var copy = Snapshot();
        var sequence = Execute(copy, """
            DELETE FROM "DossierEvents"
            WHERE "Kind" = 'TaskCompleted' AND "DossierId" = (SELECT "Id" FROM "Dossiers" WHERE "Code" = $code)
            RETURNING "Sequence"
            """, code);

        var (exit, output) = Verify(copy);

        Assert.Equal(1, exit);
        Assert.StartsWith($"BROKEN {code} at event {sequence}: event {sequence} is missing", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_the_newest_events_is_reported_too()
    {
        var code = await ApprovedDossierAsync();
        var copy = Snapshot();
        var last = Execute(copy, """
            DELETE FROM "DossierEvents"
            WHERE "DossierId" = (SELECT "Id" FROM "Dossiers" WHERE "Code" = $code)
              AND "Sequence" = (SELECT MAX("Sequence") FROM "DossierEvents" e JOIN "Dossiers" d ON d."Id" = e."DossierId" WHERE d."Code" = $code)
            RETURNING "Sequence"
            """, code);

        var (exit, output) = Verify(copy);

        Assert.Equal(1, exit);
        Assert.StartsWith($"BROKEN {code} at event {last}: ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_reads_downloads_claims_and_unclaims_are_chained_events()
    {
        var citizen = await server.NewCitizenAsync();
        var code = await Submissions.SubmitBirthRegistrationAsync(citizen);
        var officer = await server.OfficerAsync("HN-P-BA-DINH");
        var task = (await Inbox.OpenTaskAsync(officer, code))!;
        var attachment = JsonNode.Parse(await citizen.GetStringAsync($"/api/v1/dossiers/{code}/attachments"))!.AsArray()[0]!["id"]!.GetValue<string>();

        (await officer.GetAsync($"/api/v1/tasks/{task["id"]}")).EnsureSuccessStatusCode();
        (await officer.GetAsync($"/api/v1/dossiers/{code}")).EnsureSuccessStatusCode();
        (await officer.GetAsync($"/api/v1/dossiers/{code}/attachments/{attachment}")).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.NoContent, (await officer.PostAsync($"/api/v1/tasks/{task["id"]}/claim", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await officer.DeleteAsync($"/api/v1/tasks/{task["id"]}/claim")).StatusCode);

        var kinds = Kinds(Snapshot(), code);
        Assert.Equal(1, kinds.Count(k => k == "Viewed"));
        Assert.Equal(1, kinds.Count(k => k == "Downloaded"));
        Assert.Equal(1, kinds.Count(k => k == "TaskClaimed"));
        Assert.Equal(1, kinds.Count(k => k == "TaskUnclaimed"));
        var (exit, output) = Verify(Snapshot());
        Assert.True(exit == 0, output);
        var timeline = JsonNode.Parse(await citizen.GetStringAsync($"/api/v1/dossiers/{code}"))!["timeline"]!.AsArray();
        Assert.DoesNotContain(timeline, t => t!["kind"]!.GetValue<string>() is "Viewed" or "Downloaded" or "TaskClaimed");
    }

    /// <summary>A birth registration taken through its reception task (an officer's decision in the log).</summary>
    private async Task<string> ApprovedDossierAsync()
    {
        var citizen = await server.NewCitizenAsync();
        var code = await Submissions.SubmitBirthRegistrationAsync(citizen);
        var officer = await server.OfficerAsync("HN-P-BA-DINH");
        var task = (await Inbox.OpenTaskAsync(officer, code))!;
        var outcome = task["outcomes"]!.AsArray().Select(o => o!.GetValue<string>()).First(o => o is not "Reject" and not "RequestSupplement");
        (await Inbox.CompleteAsync(officer, task, outcome)).EnsureSuccessStatusCode();
        return code;
    }

    /// <summary>A consistent copy of the live database (SQLite's backup), so each test tampers with its own.</summary>
    private string Snapshot()
    {
        var copy = Path.Combine(Path.GetTempPath(), "dvc-server-tests", $"audit-{Guid.NewGuid():N}.db");
        Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
        using (var source = new SqliteConnection($"Data Source={server.DatabaseFile};Mode=ReadOnly;Pooling=False"))
        using (var target = new SqliteConnection($"Data Source={copy};Pooling=False"))
        {
            source.Open();
            target.Open();
            source.BackupDatabase(target);
        }

        _copies.Add(copy);
        return copy;
    }

    private static long Execute(string database, string sql, string code)
    {
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$code", code);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static List<string> Kinds(string database, string code)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """SELECT e."Kind" FROM "DossierEvents" e JOIN "Dossiers" d ON d."Id" = e."DossierId" WHERE d."Code" = $code ORDER BY e."Sequence" """;
        command.Parameters.AddWithValue("$code", code);
        using var reader = command.ExecuteReader();
        var kinds = new List<string>();
        while (reader.Read())
        {
            kinds.Add(reader.GetString(0));
        }

        return kinds;
    }

    private static (int Exit, string Output) Verify(string database)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = Dvc.Engine.Cli.Program.Run(["audit", "verify", database], output, error);
        return (exit, output + error.ToString());
    }

    public void Dispose()
    {
        foreach (var copy in _copies)
        {
            File.Delete(copy);
        }
    }
}
