using Dvc.Engine.Sdk.Hosting;
using Dvc.Plugins.Payments.VnPay;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Dvc.Plugins.Payments;

/// <summary>The plugin's one registration entry.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>Adds the payment gateway (options from <c>Plugins:Payments</c>), its pages and its IPN callback.</summary>
    /// <param name="services">The host's services.</param>
    public static IServiceCollection AddPaymentsPlugin(this IServiceCollection services)
    {
        services.AddOptions<PaymentsOptions>().BindConfiguration(PaymentsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<PaymentService>();
        services.AddSingleton<IPaymentGateway, PaymentGateway>();
        services.AddSingleton<IPluginRoutes<IEndpointRouteBuilder>, PaymentRoutes>();
        return services;
    }
}
