using Dvc.Engine.Sdk.Hosting;
using Microsoft.Extensions.Options;

namespace Dvc.Plugins.Payments;

/// <summary>
/// Tells the portal to send the applicant to <c>/payments/{code}/pay</c> for any open payment request — the built-in
/// payment step's as well as <see cref="Activities.PayOnline"/>'s — once a gateway is configured.
/// </summary>
internal sealed class PaymentGateway(IOptions<PaymentsOptions> options) : IPaymentGateway
{
    public string? PayPath(string dossierCode) => options.Value.IsConnected ? PaymentRoutes.PayPath(dossierCode) : null;
}
