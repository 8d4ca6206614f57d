using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dvc.Engine.Persistence;
using Dvc.Engine.Server.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dvc.Engine.Server.Tests.Regressions;

/// <summary>
/// Issue 14, item 6: the idempotency record was a file written after the dossier's commit, so a crash in between
/// doubled the dossier on retry. It now lives in the database and commits with the dossier (or with the payment),
/// which also makes it hold across nodes. The kill -9 harness (Dvc.EndToEnd.Tests, CrashRecoveryTests) checks it
/// against real crashes.
/// </summary>
public sealed class Issue14_IdempotencyInTheDatabaseTests : IAsyncLifetime
{
    private readonly TwoNodes _nodes = new();

    public Task InitializeAsync() => _nodes.InitializeAsync();

    public Task DisposeAsync() => _nodes.DisposeAsync();

    [Fact]
    public async Task The_key_is_recorded_in_the_database_with_its_dossier_and_nowhere_on_disk()
    {
        var citizen = await _nodes.A.NewCitizenAsync();

        var response = await SubmitAsync(citizen, Submissions.BirthRegistration(), "key-db-1");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var code = await CodeAsync(response);
        await using var scope = _nodes.A.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DvcDbContext>();
        var record = await db.IdempotencyRecords.AsNoTracking().SingleAsync(r => r.Key == "key-db-1");
        Assert.Equal(code, await db.Dossiers.Where(d => d.Id == record.DossierId).Select(d => d.Code).SingleAsync());
        Assert.False(Directory.Exists(Path.Combine(_nodes.DataFolder, "files", "idempotency")));
    }

    [Fact]
    public async Task The_same_key_sent_to_two_nodes_at_once_files_one_dossier_and_both_get_its_code()
    {
        var email = $"idem-{Guid.NewGuid():N}@test.local";
        var onA = await _nodes.A.NewCitizenAsync(email);
        var onB = _nodes.B.CreateBrowserlessClient();
        await DvcServerFactory.SignInAsync(onB, email, "MatKhau@2026");
        var body = Submissions.BirthRegistration();

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => SubmitAsync(i % 2 == 0 ? onA : onB, body, "same-key")));

        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"{(int)a.StatusCode} {a.Content.ReadAsStringAsync().Result}"));
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        var codes = await Task.WhenAll(answers.Select(CodeAsync));
        Assert.Single(codes.Distinct());
        var mine = JsonNode.Parse(await onA.GetStringAsync("/api/v1/dossiers"))!.AsArray();
        Assert.Single(mine, d => d!["code"]?.GetValue<string>() is not null);
    }

    [Fact]
    public async Task A_retry_after_a_restart_gets_the_same_dossier_back()
    {
        var email = $"idem-{Guid.NewGuid():N}@test.local";
        var citizen = await _nodes.A.NewCitizenAsync(email);
        var first = JsonNode.Parse(await (await SubmitAsync(citizen, Submissions.DrivingPermit(), "restart-key")).Content.ReadAsStringAsync())!;

        SqliteConnection.ClearAllPools();
        using var restarted = _nodes.Restart();
        var again = restarted.CreateBrowserlessClient();
        await DvcServerFactory.SignInAsync(again, email, "MatKhau@2026");
        var retry = await SubmitAsync(again, Submissions.DrivingPermit(), "restart-key");

        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        var replayed = JsonNode.Parse(await retry.Content.ReadAsStringAsync())!;
        Assert.Equal(first["code"]!.GetValue<string>(), replayed["code"]!.GetValue<string>());
        // The receipt is answered as it was, fee lines included (a replay once showed none).
        Assert.NotEmpty(first["feeLines"]!.AsArray());
        Assert.Equal(first["feeLines"]!.ToJsonString(), replayed["feeLines"]!.ToJsonString());
    }

    [Fact]
    public async Task A_key_reused_with_another_body_or_another_operation_is_409()
    {
        var citizen = await _nodes.A.NewCitizenAsync();
        var data = Submissions.TestCaseInput("HN-TP-001", "01-dung-han-mien-le-phi.json");
        var code = await CodeAsync(await SubmitAsync(citizen, Submissions.BirthRegistration(data), "reused"));
        data["child"]!["fullName"] = "Nguyễn Văn Khác";

        var otherBody = await SubmitAsync(citizen, Submissions.BirthRegistration(data), "reused");
        var otherOperation = await PayAsync(citizen, code, "reused");

        Assert.Equal(HttpStatusCode.Conflict, otherBody.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, otherOperation.StatusCode);
    }

    [Fact]
    public async Task A_payment_retried_with_its_key_on_another_node_is_answered_as_it_was_not_as_a_conflict()
    {
        var email = $"idem-{Guid.NewGuid():N}@test.local";
        var citizen = await _nodes.A.NewCitizenAsync(email);
        var onB = _nodes.B.CreateBrowserlessClient();
        await DvcServerFactory.SignInAsync(onB, email, "MatKhau@2026");
        var code = await CodeAsync(await SubmitAsync(citizen, Submissions.DrivingPermit(), "permit"));
        await WaitForPaymentAsync(citizen, await _nodes.A.OfficerAsync("HN-CATP-CSGT"), code);

        var paid = await PayAsync(citizen, code, "pay-once");
        var retried = await PayAsync(onB, code, "pay-once");
        var withoutKey = await citizen.PostAsync($"/api/v1/dossiers/{code}/payments", null);

        Assert.Equal(HttpStatusCode.NoContent, paid.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, retried.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, withoutKey.StatusCode);
        Assert.NotEqual("AwaitingPayment", await Inbox.StatusAsync(citizen, code));
    }

    [Fact]
    public async Task A_key_longer_than_the_limit_is_a_400_at_the_header()
    {
        var citizen = await _nodes.A.NewCitizenAsync();

        var response = await SubmitAsync(citizen, Submissions.BirthRegistration(), new string('k', 201));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!["Idempotency-Key"]);
    }

    /// <summary>Completes officer tasks until the dossier waits for its fee.</summary>
    private static async Task WaitForPaymentAsync(HttpClient citizen, HttpClient officer, string code)
    {
        for (var step = 0; step < 6 && await Inbox.StatusAsync(citizen, code) != "AwaitingPayment"; step++)
        {
            var task = await Inbox.OpenTaskAsync(officer, code);
            Assert.NotNull(task);
            var outcome = task["outcomes"]!.AsArray().Select(o => o!.GetValue<string>()).First(o => o is not "Reject" and not "RequestSupplement");
            (await Inbox.CompleteAsync(officer, task, outcome)).EnsureSuccessStatusCode();
        }

        Assert.Equal("AwaitingPayment", await Inbox.StatusAsync(citizen, code));
    }

    private static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, object body, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/dossiers") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> PayAsync(HttpClient client, string code, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/dossiers/{code}/payments");
        request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request);
    }

    private static async Task<string> CodeAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!["code"]!.GetValue<string>();
}
