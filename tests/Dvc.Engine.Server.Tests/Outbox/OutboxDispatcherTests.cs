using System.Text.Json.Nodes;
using Dvc.Engine.Server.Outbox;
using Dvc.Engine.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Dvc.Engine.Server.Tests.Outbox;

public abstract class OutboxDispatcherTests(DvcServerFactory server)
{
    [Fact]
    public async Task A_workflow_notification_is_delivered_once_and_shows_in_the_citizens_history()
    {
        var citizen = await server.NewCitizenAsync();
        var code = await Submissions.SubmitBirthRegistrationAsync(citizen);
        var officer = await server.OfficerAsync("HN-P-BA-DINH");
        (await Inbox.CompleteAsync(officer, (await Inbox.OpenTaskAsync(officer, code))!, "Accept")).EnsureSuccessStatusCode();

        var first = await DispatchAsync();
        var second = await DispatchAsync();
        var timeline = JsonNode.Parse(await citizen.GetStringAsync($"/api/v1/dossiers/{code}"))!["timeline"]!.AsArray();

        Assert.True(first >= 1);
        Assert.Equal(0, second);
        var notified = Assert.Single(timeline, e => e!["kind"]!.GetValue<string>() == "Notified");
        Assert.Contains(code, notified!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Đề nghị chụp lại giấy chứng sinh rõ nét.")]
    [InlineData("Đề nghị chụp lại giấy chứng sinh rõ nét")]
    public async Task The_supplement_message_quotes_the_officer_with_exactly_one_full_stop(string comment)
    {
        var citizen = await server.NewCitizenAsync();
        var code = await Submissions.SubmitBirthRegistrationAsync(citizen);
        var officer = await server.OfficerAsync("HN-P-BA-DINH");
        (await Inbox.CompleteAsync(officer, (await Inbox.OpenTaskAsync(officer, code))!, "RequestSupplement", comment)).EnsureSuccessStatusCode();

        await DispatchAsync();
        var timeline = JsonNode.Parse(await citizen.GetStringAsync($"/api/v1/dossiers/{code}"))!["timeline"]!.AsArray();

        var notified = Assert.Single(timeline, e => e!["kind"]!.GetValue<string>() == "Notified");
        Assert.Contains("Nội dung: Đề nghị chụp lại giấy chứng sinh rõ nét. Vui lòng bổ sung", notified!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private async Task<int> DispatchAsync()
    {
        await using var scope = server.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None);
    }
}

public sealed class OutboxDispatcherOnSqliteTests(DvcServerFactory server) : OutboxDispatcherTests(server), IClassFixture<DvcServerFactory>;

public sealed class OutboxDispatcherOnPostgresTests(PostgresServerFactory postgres) : OutboxDispatcherTests(postgres.Server), IClassFixture<PostgresServerFactory>;
