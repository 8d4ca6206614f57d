using Dvc.Plugins.Simulator.VnPay;

namespace Dvc.Plugins.Simulator;

/// <summary>
/// Builds the simulator app: the payment gateway at <c>/paymentv2/vpcpay.html</c> and its test controls under
/// <c>/_simulator/vnpay</c>. The other outside systems of issue 19 (postal service, SMS gateway, national portal)
/// belong here too when their plugins come.
/// </summary>
public static class SimulatorApp
{
    /// <summary>The app, not started. Tests pass their clock so the gateway's session expiry follows the server's time.</summary>
    public static WebApplication Create(string[] args, Action<SimulatorOptions>? configure = null, TimeProvider? clock = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Services.AddOptions<SimulatorOptions>().BindConfiguration(SimulatorOptions.Section).Configure(o => configure?.Invoke(o));
        builder.Services.AddSingleton(clock ?? TimeProvider.System);
        builder.Services.AddHttpClient();
        builder.Services.AddSingleton<GatewayTransactions>();
        builder.Services.AddSingleton<VnPayGateway>();
        builder.Services.AddAntiforgery();

        var app = builder.Build();
        app.MapGet("/", () => Results.Content(Html.Page("Dvc simulators", """
            <h1>Hệ thống mô phỏng / Simulators</h1>
            <ul>
              <li><a href="/_simulator/vnpay/transactions">Cổng thanh toán (VNPAY 2.1.0) — giao dịch</a></li>
            </ul>
            """), "text/html; charset=utf-8"));
        VnPayRoutes.Map(app);
        return app;
    }

    /// <summary>Starts the app on <paramref name="url"/> (port 0 for a free one) and returns it with its address.</summary>
    public static async Task<(WebApplication App, Uri Address)> StartAsync(string url, Action<SimulatorOptions>? configure = null, TimeProvider? clock = null)
    {
        var app = Create(["--urls", url], configure, clock);
        await app.StartAsync();
        var address = app.Urls.First().Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).Replace("[::]", "127.0.0.1", StringComparison.Ordinal);
        return (app, new Uri(address.TrimEnd('/') + "/"));
    }
}
