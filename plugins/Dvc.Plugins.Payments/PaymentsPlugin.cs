using Dvc.Engine.Sdk;
using Dvc.Plugins.Payments.Activities;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Dvc.Plugins.Payments;

/// <summary>
/// Level-4 online payment of a dossier's fee through a VNPAY 2.1.0-style gateway: a signed redirect to the gateway,
/// the return page that only displays, and the server-to-server IPN that decides.
/// </summary>
public sealed class PaymentsPlugin : IDvcPlugin
{
    /// <inheritdoc />
    public PluginManifest Manifest { get; } = new(
        "Dvc.Plugins.Payments",
        "Thanh toán trực tuyến / Online payment",
        "1.0.0",
        "Pays a dossier's fee through a VNPAY 2.1.0-style gateway; the gateway's signed IPN confirms the payment and resumes the workflow.");

    /// <inheritdoc />
    public void Register(IActivityRegistrar registrar) => registrar.Add<PayOnline>();

    /// <inheritdoc />
    public void ConfigureServices(IServiceCollection services, IConfiguration configuration) => services.AddPaymentsPlugin();
}
