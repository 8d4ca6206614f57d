using Dvc.Plugins.Simulator;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Time.Testing;

namespace Dvc.Plugins.Tests.Infrastructure;

/// <summary>
/// The outside world of one test class: the simulators app on a free loopback port, and the server configured to
/// talk to it, both on one fake clock. Start with <see cref="StartAsync"/>; settings add what a class needs.
/// </summary>
public sealed class Peers : IAsyncDisposable
{
    public const string TmnCode = "DVCTEST01";
    public const string HashSecret = "test-merchant-secret-0123456789";

    private WebApplication? _simulator;

    public FakeTimeProvider Clock { get; } = new(PluginServer.Now);

    public Uri Simulator { get; private set; } = null!;

    public PluginServer Server { get; private set; } = null!;

    public HttpClient SimulatorClient { get; private set; } = null!;

    public static async Task<Peers> StartAsync(Action<SimulatorOptions>? simulator = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var peers = new Peers();
        (peers._simulator, peers.Simulator) = await SimulatorApp.StartAsync("http://127.0.0.1:0", o =>
        {
            o.Merchants.Add(new MerchantOptions { TmnCode = TmnCode, HashSecret = HashSecret });
            o.LateIpnSeconds = 1;
            simulator?.Invoke(o);
        }, peers.Clock);
        peers.SimulatorClient = new HttpClient { BaseAddress = peers.Simulator };
        var all = new Dictionary<string, string?>
        {
            ["Plugins:Payments:GatewayUrl"] = new Uri(peers.Simulator, "paymentv2/vpcpay.html").ToString(),
            ["Plugins:Payments:TmnCode"] = TmnCode,
            ["Plugins:Payments:HashSecret"] = HashSecret,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        peers.Server = new PluginServer(peers.Clock, all);
        return peers;
    }

    public async ValueTask DisposeAsync()
    {
        Server?.Dispose();
        SimulatorClient?.Dispose();
        if (_simulator is not null)
        {
            await _simulator.StopAsync();
            await _simulator.DisposeAsync();
        }
    }
}
