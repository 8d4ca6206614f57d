using Dvc.Engine.Server.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Dvc.Engine.Server.Tests.Workflows;

/// <summary>
/// A dossier's workflow lives in the database, not in the process: the same path walked by one server, and by a
/// brand-new server for every step (new service provider, new DbContexts, same SQLite file), ends the same way.
/// </summary>
public sealed class RestartBetweenStepsTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "dvc-server-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Finishing paths with every kind of waiting point: officer tasks, a fee, a supplement request.</summary>
    public static TheoryData<string, string, string[]> Paths => new()
    {
        // reception → payment → processing → approval → dispatch
        { "HN-TP-003", "01-ba-ban-sao-khai-sinh.json", [] },
        // reception → payment → processing asks for a supplement → the citizen answers → processing → approval → dispatch
        { "HN-KHDT-001", "08-chuyen-vien-yeu-cau-doi-ten.json", [] },
        // reception → processing asks for a supplement → the citizen answers → processing → approval → dispatch
        { "HN-TP-001", "10-bo-sung-o-buoc-ghi-so.json", ["giay-chung-sinh", "giay-chung-nhan-ket-hon"] },
    };

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task A_dossier_restarted_before_every_step_ends_exactly_as_one_uninterrupted_run(string procedure, string testCase, string[] attachments)
    {
        var journey = new ProcedureJourney(procedure, testCase, attachments);
        var steps = journey.Steps;

        var uninterrupted = await RunWithoutRestartAsync(journey);
        var restarted = await RunRestartingBeforeEveryStepAsync(journey);

        Assert.Equal(steps.Count + 1, uninterrupted.Count);
        var finished = uninterrupted[^1];
        Assert.Equal("Finished", finished.WorkflowStatus);
        Assert.NotNull(finished.Result);
        Assert.DoesNotContain(finished.Bookmarks, b => b.EndsWith(" open", StringComparison.Ordinal));
        AssertSubsequence(journey.ExpectedPath, finished.ExecutedActivities);
        for (var i = 0; i < uninterrupted.Count; i++)
        {
            var after = i == 0 ? "submission" : $"step '{steps[i - 1].Activity}'";
            AssertSame(uninterrupted[i], restarted[i], after);
        }
    }

    /// <summary>Submits and walks every step on one server; the state is read after each step.</summary>
    private async Task<List<JourneySnapshot>> RunWithoutRestartAsync(ProcedureJourney journey)
    {
        using var server = Server("once");
        var citizen = await server.NewCitizenAsync();
        var officer = await server.OfficerAsync(journey.Agency);
        var code = await journey.SubmitAsync(citizen);
        var snapshots = new List<JourneySnapshot> { await JourneySnapshot.CaptureAsync(server, code) };
        foreach (var step in journey.Steps)
        {
            var response = await ProcedureJourney.PerformAsync(step, citizen, officer, code);
            Assert.True(response.IsSuccessStatusCode, $"Step '{step.Activity}' failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            snapshots.Add(await JourneySnapshot.CaptureAsync(server, code));
        }

        return snapshots;
    }

    /// <summary>
    /// One server per step, each stopped before the next starts. The state after a step is read by the next server,
    /// so what is compared is what survived the restart.
    /// </summary>
    private async Task<List<JourneySnapshot>> RunRestartingBeforeEveryStepAsync(ProcedureJourney journey)
    {
        var email = $"restart-{Guid.NewGuid():N}@test.local";
        string code;
        using (var first = Server("restarted"))
        {
            code = await journey.SubmitAsync(await first.NewCitizenAsync(email));
        }

        var snapshots = new List<JourneySnapshot>();
        foreach (var step in journey.Steps)
        {
            ForgetPooledConnections();
            using var server = Server("restarted");
            snapshots.Add(await JourneySnapshot.CaptureAsync(server, code));
            var citizen = await ProcedureJourney.CitizenAsync(server, email);
            var officer = await server.OfficerAsync(journey.Agency);
            var response = await ProcedureJourney.PerformAsync(step, citizen, officer, code);
            Assert.True(response.IsSuccessStatusCode, $"Step '{step.Activity}' after a restart failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        ForgetPooledConnections();
        using (var last = Server("restarted"))
        {
            snapshots.Add(await JourneySnapshot.CaptureAsync(last, code));
        }

        return snapshots;
    }

    private DvcServerFactory Server(string name) => new(Path.Combine(_folder, name), DvcServerFactory.RepositoryDefinitions());

    /// <summary>A real restart leaves no open SQLite connection behind; the test process would keep its pool.</summary>
    private static void ForgetPooledConnections() => SqliteConnection.ClearAllPools();

    private static void AssertSame(JourneySnapshot expected, JourneySnapshot actual, string after)
    {
        Assert.True(expected.Status == actual.Status, $"Dossier status after {after}: {expected.Status} once, {actual.Status} restarted.");
        Assert.True(actual.WorkflowInstances == 1, $"{actual.WorkflowInstances} workflow instances after {after}.");
        Assert.True(expected.WorkflowStatus == actual.WorkflowStatus, $"Workflow status after {after}: {expected.WorkflowStatus} once, {actual.WorkflowStatus} restarted.");
        Assert.True(expected.WorkflowVersion == actual.WorkflowVersion, $"Workflow saved {expected.WorkflowVersion} times once, {actual.WorkflowVersion} restarted, after {after}.");
        AssertLines(expected.ExecutedActivities, actual.ExecutedActivities, "executed activities", after);
        AssertLines(expected.Bookmarks, actual.Bookmarks, "bookmarks", after);
        AssertLines(expected.Tasks, actual.Tasks, "tasks", after);
        AssertLines(expected.Events, actual.Events, "dossier events", after);
        AssertLines(expected.Outbox, actual.Outbox, "outbox messages", after);
        Assert.True(expected.Result == actual.Result, $"Result after {after} differs:\n{expected.Result}\n---\n{actual.Result}");
    }

    private static void AssertLines(IReadOnlyList<string> expected, IReadOnlyList<string> actual, string what, string after) =>
        Assert.True(
            expected.SequenceEqual(actual, StringComparer.Ordinal),
            $"The {what} after {after} differ.\nOnce:\n  {string.Join("\n  ", expected)}\nRestarted:\n  {string.Join("\n  ", actual)}");

    private static void AssertSubsequence(IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        var next = 0;
        foreach (var id in actual)
        {
            if (next < expected.Count && id == expected[next])
            {
                next++;
            }
        }

        Assert.True(next == expected.Count, $"The case's path stops matching at '{(next < expected.Count ? expected[next] : "")}'. Executed: {string.Join(", ", actual)}");
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
}
