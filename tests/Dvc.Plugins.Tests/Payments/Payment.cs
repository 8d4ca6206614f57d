using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dvc.Engine.Server.Workflows;
using Dvc.Plugins.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Dvc.Plugins.Tests.Payments;

/// <summary>A citizen paying through the gateway simulator, and the checks the payment tests share.</summary>
public static class Payment
{
    public static async Task<(HttpClient Citizen, string Code)> AwaitingPaymentAsync(Peers peers)
    {
        var (citizen, code, _) = await AwaitingPaymentWithEmailAsync(peers);
        return (citizen, code);
    }

    public static async Task<(HttpClient Citizen, string Code, string Email)> AwaitingPaymentWithEmailAsync(Peers peers, string procedureCode = PluginServer.FixtureProcedure)
    {
        var email = $"cd-{Guid.NewGuid():N}@test.local";
        var citizen = await peers.Server.CitizenAsync(email);
        var code = await Dossiers.SubmitAsync(citizen, procedureCode: procedureCode);
        await Dossiers.CompleteTaskAsync(await peers.Server.OfficerAsync(), code, "Accept");
        Assert.Equal("AwaitingPayment", await Dossiers.StatusAsync(citizen, code));
        return (citizen, code, email);
    }

    public static async Task<Uri> StartAsync(HttpClient citizen, string code)
    {
        var response = await citizen.GetAsync($"/payments/{code}/pay");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!;
    }

    public static async Task<PayAnswer> PayAsync(Peers peers, Uri gateway, string action, string ipn)
    {
        var response = await peers.SimulatorClient.PostAsJsonAsync("/_simulator/vnpay/pay", new { url = gateway.ToString(), action, ipn });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<PayAnswer>())!;
    }

    public static async Task<string?> ResendAsync(Peers peers, string txnRef, string mode)
    {
        var response = await peers.SimulatorClient.PostAsync($"/_simulator/vnpay/transactions/{Uri.EscapeDataString(txnRef)}/ipn?mode={mode}", null);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<IpnAnswer>())!.RspCode;
    }

    public static async Task<int> OpenTasksAsync(Peers peers, string code) =>
        JsonNode.Parse(await (await peers.Server.OfficerAsync()).GetStringAsync("/api/v1/tasks"))!.AsArray()
            .Count(t => t!["dossierCode"]!.GetValue<string>() == code);

    public static async Task<int> FireTimersAsync(Peers peers)
    {
        await using var scope = peers.Server.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WorkflowTimers>().DispatchDueAsync(CancellationToken.None);
    }

    public static async Task Until(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 100; i++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail("The condition did not hold within 10 s.");
    }

    public sealed record IpnAnswer(string Mode, int HttpStatus, string? RspCode, string? Body);

    public sealed record PayAnswer(string ReturnUrl, string TxnRef, IReadOnlyList<IpnAnswer> Ipns);
}
