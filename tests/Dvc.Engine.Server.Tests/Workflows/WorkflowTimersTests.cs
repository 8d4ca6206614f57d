using Dvc.Engine.Server.Tests.Infrastructure;
using Dvc.Engine.Server.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace Dvc.Engine.Server.Tests.Workflows;

/// <summary>Its own server: these tests move the clock forward.</summary>
public abstract class WorkflowTimersTests(DvcServerFactory server)
{
    [Fact]
    public async Task An_unanswered_supplement_request_expires_and_closes_the_dossier()
    {
        var citizen = await server.NewCitizenAsync();
        var code = await Submissions.SubmitBirthRegistrationAsync(citizen);
        var officer = await server.OfficerAsync("HN-P-BA-DINH");
        var task = await Inbox.OpenTaskAsync(officer, code);
        (await Inbox.CompleteAsync(officer, task!, "RequestSupplement", "Thiếu giấy chứng sinh.")).EnsureSuccessStatusCode();

        var early = await DispatchAsync();
        // Five working days from Monday 02/03 09:00 end with Monday 09/03: the request expires at midnight after it.
        server.Clock.Advance(TimeSpan.FromDays(8));
        var fired = await DispatchAsync();

        Assert.Equal(0, early);
        Assert.Equal(1, fired);
        // Days later the sessions above have expired: look as a freshly signed-in officer.
        Assert.Equal("Cancelled", await Inbox.StatusAsync(await server.OfficerAsync("HN-P-BA-DINH"), code));
    }

    [Fact]
    public async Task A_dossier_past_its_deadline_gets_one_apology_slip_with_a_new_date()
    {
        var citizen = await server.NewCitizenAsync();
        var code = await Submissions.SubmitBirthRegistrationAsync(citizen);

        server.Clock.Advance(TimeSpan.FromDays(3));
        var first = await ApologiseAsync();
        var second = await ApologiseAsync();
        var officer = await server.OfficerAsync("HN-P-BA-DINH");
        var timeline = System.Text.Json.Nodes.JsonNode.Parse(await officer.GetStringAsync($"/api/v1/dossiers/{code}"))!["timeline"]!.AsArray();
        var task = await Inbox.OpenTaskAsync(officer, code);
        var overdueOnly = System.Text.Json.Nodes.JsonNode.Parse(await officer.GetStringAsync("/api/v1/tasks?overdue=true"))!.AsArray();

        Assert.True(first >= 1);
        Assert.Equal(0, second);
        var overdue = Assert.Single(timeline, e => e!["kind"]!.GetValue<string>() == "Overdue");
        Assert.Contains("hẹn trả kết quả ngày", overdue!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(task!["overdue"]!.GetValue<bool>());
        Assert.Contains(overdueOnly, t => t!["dossierCode"]!.GetValue<string>() == code);
    }

    private async Task<int> ApologiseAsync()
    {
        await using var scope = server.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Dvc.Engine.Server.Dossiers.OverdueDossiers>().IssueApologySlipsAsync(CancellationToken.None);
    }

    private async Task<int> DispatchAsync()
    {
        await using var scope = server.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WorkflowTimers>().DispatchDueAsync(CancellationToken.None);
    }
}

public sealed class WorkflowTimersOnSqliteTests(DvcServerFactory server) : WorkflowTimersTests(server), IClassFixture<DvcServerFactory>;

public sealed class WorkflowTimersOnPostgresTests(PostgresServerFactory postgres) : WorkflowTimersTests(postgres.Server), IClassFixture<PostgresServerFactory>;
