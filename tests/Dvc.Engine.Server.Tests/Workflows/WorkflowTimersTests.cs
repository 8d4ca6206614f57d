using Dvc.Engine.Server.Tests.Infrastructure;
using Dvc.Engine.Server.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace Dvc.Engine.Server.Tests.Workflows;

/// <summary>Its own server: these tests move the clock forward.</summary>
public sealed class WorkflowTimersTests(DvcServerFactory server) : IClassFixture<DvcServerFactory>
{
    [Fact]
    public async Task An_unanswered_supplement_request_expires_and_closes_the_dossier()
    {
        var citizen = await server.NewCitizenAsync();
        var code = await Submissions.SubmitBirthRegistrationAsync(citizen);
        var officer = await server.OfficerAsync("HN-UBND-XA");
        var task = await Inbox.OpenTaskAsync(officer, code);
        (await Inbox.CompleteAsync(officer, task!, "RequestSupplement", "Thiếu giấy chứng sinh.")).EnsureSuccessStatusCode();

        var early = await DispatchAsync();
        server.Clock.Advance(TimeSpan.FromDays(6));
        var fired = await DispatchAsync();

        Assert.Equal(0, early);
        Assert.Equal(1, fired);
        // Six days later the sessions above have expired: look as a freshly signed-in officer.
        Assert.Equal("Cancelled", await Inbox.StatusAsync(await server.OfficerAsync("HN-UBND-XA"), code));
    }

    private async Task<int> DispatchAsync()
    {
        await using var scope = server.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WorkflowTimers>().DispatchDueAsync(CancellationToken.None);
    }
}
