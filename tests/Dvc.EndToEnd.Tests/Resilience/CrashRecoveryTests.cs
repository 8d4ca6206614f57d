using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dvc.EndToEnd.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace Dvc.EndToEnd.Tests.Resilience;

/// <summary>
/// Issue 14, item 6: the kill -9 harness. A real server process on a temporary SQLite file takes unpaced
/// submissions, each with its own Idempotency-Key, from several clients at once, and is killed with SIGKILL at
/// random moments and started again on the same files. A client whose request got no answer retries it with the
/// same key until it does. Afterwards the database must hold exactly one dossier per accepted key (none lost, none
/// doubled), and every dossier must have its workflow started and persisted (none stuck).
/// </summary>
public sealed class CrashRecoveryTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Kills = 10;
    private const int Clients = 4;
    private const int Seed = 14;

    private readonly ServerProcess _server = new(seedDemoAccounts: false);

    public Task InitializeAsync() => _server.InitializeAsync();

    public Task DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task Repeated_kill_9_loses_doubles_and_strands_no_dossier()
    {
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), UseCookies = true };
        using var http = new HttpClient(handler) { BaseAddress = _server.Address, Timeout = TimeSpan.FromSeconds(60) };
        var email = $"crash-{Guid.NewGuid():N}@test.local";
        (await http.PostAsJsonAsync("/api/v1/accounts", new { email, fullName = "Trần Thị Mai", password = "MatKhau@2026" })).EnsureSuccessStatusCode();
        (await http.PostAsJsonAsync("/api/v1/session", new { email, password = "MatKhau@2026" })).EnsureSuccessStatusCode();
        var body = BirthRegistration();

        var accepted = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var refused = new ConcurrentQueue<string>();
        var retries = 0;
        var up = new ServerGate();
        var killing = true;

        // Each client submits keys one after the other, as fast as the server answers; a request without an answer
        // (the process died under it) waits for the server to be back and is sent again with the same key.
        var clients = Enumerable.Range(0, Clients).Select(client => Task.Run(async () =>
        {
            for (var n = 0; Volatile.Read(ref killing); n++)
            {
                var key = $"c{client}-{n}";
                while (true)
                {
                    await up.WaitAsync();
                    try
                    {
                        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/dossiers") { Content = JsonContent.Create(body) };
                        request.Headers.Add("Idempotency-Key", key);
                        using var response = await http.SendAsync(request);
                        var text = await response.Content.ReadAsStringAsync();
                        if (response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK)
                        {
                            accepted[key] = JsonNode.Parse(text)!["code"]!.GetValue<string>();
                        }
                        else
                        {
                            refused.Enqueue($"{key}: {(int)response.StatusCode} {text}");
                        }

                        break;
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                    {
                        Interlocked.Increment(ref retries);
                        await Task.Delay(50);
                    }
                }
            }
        })).ToArray();

        // Each kill lands at a random moment after the restarted server has filed a few dossiers, so it hits
        // requests in every phase (validation, the write transaction, the answer) however fast this machine is.
        var random = new Random(Seed);
        for (var kill = 0; kill < Kills; kill++)
        {
            var target = accepted.Count + random.Next(1, 6);
            while (accepted.Count < target && refused.IsEmpty)
            {
                await Task.Delay(10);
            }

            await Task.Delay(random.Next(0, 250));
            up.Close();
            await _server.KillAsync();
            await _server.StartAsync();
            up.Open();
        }

        // Let the clients send what the last kill left unanswered, then stop them.
        await Task.Delay(1000);
        Volatile.Write(ref killing, false);
        await Task.WhenAll(clients);
        await _server.KillAsync();

        var figures = Count(accepted.Keys);
        var line = $"kills {Kills}, accepted {accepted.Count}, found {figures.Found}, lost {figures.Lost.Count}, doubled {figures.Doubled.Count}, stuck {figures.Stuck.Count}";
        output.WriteLine(line);
        output.WriteLine($"(retried requests {retries}, refused {refused.Count}, server starts {_server.Starts})");
        Assert.True(refused.IsEmpty, "Refused submissions:\n" + string.Join("\n", refused.Take(5)));
        Assert.True(accepted.Count > Kills, line);
        Assert.True(figures.Lost.Count == 0, $"{line}\nlost keys: {string.Join(", ", figures.Lost.Take(10))}");
        Assert.True(figures.Doubled.Count == 0, $"{line}\ndoubled keys: {string.Join(", ", figures.Doubled.Take(10))}");
        Assert.True(figures.Stuck.Count == 0, $"{line}\nstuck dossiers: {string.Join(", ", figures.Stuck.Take(10))}");
        Assert.Equal(accepted.Count, figures.Found);
    }

    /// <summary>
    /// Reads the database the server left: dossiers by the key they were filed with, and the ones whose workflow is
    /// missing, or neither finished nor waiting at a persisted bookmark.
    /// </summary>
    private (int Found, List<string> Lost, List<string> Doubled, List<string> Stuck) Count(IEnumerable<string> acceptedKeys)
    {
        using var connection = new SqliteConnection($"Data Source={_server.DatabaseFile};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
        using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                SELECT json_extract(e."DataJson", '$.idempotencyKey')
                FROM "Dossiers" d JOIN "DossierEvents" e ON e."DossierId" = d."Id" AND e."Sequence" = 1
                """;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var key = reader.IsDBNull(0) ? "" : reader.GetString(0);
                byKey[key] = byKey.GetValueOrDefault(key) + 1;
            }
        }

        var stuck = new List<string>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                SELECT d."Code" FROM "Dossiers" d
                WHERE NOT EXISTS (
                    SELECT 1 FROM "WorkflowInstances" i
                    WHERE i."DossierId" = d."Id"
                      AND (i."Status" IN ('Finished', 'Faulted')
                           OR EXISTS (SELECT 1 FROM "Bookmarks" b WHERE b."InstanceId" = i."Id" AND b."ConsumedAt" IS NULL)))
                """;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                stuck.Add(reader.GetString(0));
            }
        }

        var keys = acceptedKeys.ToList();
        return (
            byKey.Where(k => k.Key.Length > 0).Sum(k => k.Value),
            keys.Where(k => !byKey.ContainsKey(k)).ToList(),
            byKey.Where(k => k.Value > 1).Select(k => k.Key).ToList(),
            stuck);
    }

    /// <summary>The on-time birth registration of the procedure's own test case, with its two documents.</summary>
    private static JsonObject BirthRegistration()
    {
        var test = JsonNode.Parse(File.ReadAllText(Path.Combine(Repository.Definitions, "procedures", "HN-TP-001", "tests", "01-dung-han-mien-le-phi.json")))!;
        var pdf = Convert.ToBase64String("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray());
        return new JsonObject
        {
            ["procedureCode"] = "HN-TP-001",
            ["data"] = test["input"]!.DeepClone(),
            ["attachments"] = new JsonArray(
                new JsonObject { ["attachmentId"] = "giay-chung-sinh", ["fileName"] = "giay-chung-sinh.pdf", ["contentType"] = "application/pdf", ["contentBase64"] = pdf },
                new JsonObject { ["attachmentId"] = "giay-chung-nhan-ket-hon", ["fileName"] = "ket-hon.pdf", ["contentType"] = "application/pdf", ["contentBase64"] = pdf }),
        };
    }

    /// <summary>Lets clients through while the server is up; closed from a kill until the restarted server is healthy.</summary>
    private sealed class ServerGate
    {
        private volatile TaskCompletionSource _open = Opened();

        public Task WaitAsync() => _open.Task;

        public void Close() => _open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Open() => _open.TrySetResult();

        private static TaskCompletionSource Opened()
        {
            var source = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            source.SetResult();
            return source;
        }
    }
}
