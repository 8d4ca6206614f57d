using Dvc.Plugins.Simulator;

namespace Dvc.Engine.Server.Hosting;

/// <summary>
/// In Development, the local stand-ins of the outside systems the plugins talk to (today the payment gateway) run
/// inside the server's process on <c>Dvc:Simulator:Url</c>, so the README's one run command gives an online payment
/// with no set-up. Configured with the same accounts as
/// the plugins (their <c>Plugins:*</c> settings), never started outside Development.
/// </summary>
internal sealed partial class DevelopmentPeers(IConfiguration configuration, ILogger<DevelopmentPeers> logger) : IHostedService
{
    public const string Section = "Dvc:Simulator";

    private WebApplication? _app;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var url = configuration[$"{Section}:Url"] ?? "http://localhost:5081";
        (_app, var address) = await SimulatorApp.StartAsync(url, options =>
        {
            options.Merchants.Add(new MerchantOptions
            {
                TmnCode = configuration["Plugins:Payments:TmnCode"] ?? "",
                HashSecret = configuration["Plugins:Payments:HashSecret"] ?? "",
            });
        });
        LogStarted(logger, address);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            await _app.StopAsync(cancellationToken);
            await _app.DisposeAsync();
        }
    }

    [LoggerMessage(EventId = 1300, Level = LogLevel.Information, Message = "Development simulators (payment gateway at /paymentv2/vpcpay.html) at {Address}")]
    private static partial void LogStarted(ILogger logger, Uri address);
}
