using Dvc.Engine.Server.NationalIdentity;
using Dvc.IdentityProvider;

namespace Dvc.Engine.Server.Hosting;

/// <summary>
/// In Development the README's run command also starts the stand-in national identity provider
/// (tools/Dvc.IdentityProvider) on a free loopback port, registered for the portal's own addresses, and points the
/// sign-in at it — so "Đăng nhập bằng VNeID" works with no second process. Asked for by <c>Dvc:OpenIdConnect:StandIn</c>
/// (appsettings.Development.json); never outside Development, where the real provider's settings apply.
/// </summary>
internal static partial class StandInIdentityProvider
{
    public static void StartIfAsked(WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(NationalIdentityOptions.Section);
        if (!builder.Environment.IsDevelopment() || !section.GetValue<bool>("Enabled") || !section.GetValue<bool>("StandIn"))
        {
            return;
        }

        // Configuration must name the provider before the OpenID Connect handler is registered, so it starts now.
        var (provider, address) = IdentityProviderApp.StartAsync("http://127.0.0.1:0", options => options.Clients.Add(DevelopmentClient.For(PortalAddresses(builder.Configuration[WebHostDefaults.ServerUrlsKey]))))
            .GetAwaiter().GetResult();
        section["Authority"] = address.ToString();
        section["ClientId"] = DevelopmentClient.ClientId;
        section["ClientSecret"] = DevelopmentClient.ClientSecret;
        section["RequireHttpsMetadata"] = "false";
        builder.Services.AddHostedService(services => new Lifetime(provider, address, services.GetRequiredService<ILogger<Lifetime>>()));
    }

    /// <summary>Where the portal listens, as a browser reaches it (a wildcard host is reached as localhost).</summary>
    private static Uri[] PortalAddresses(string? urls) =>
        (string.IsNullOrWhiteSpace(urls) ? ServerAddress.Default : urls)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(url => url.Replace("://*", "://localhost", StringComparison.Ordinal).Replace("://+", "://localhost", StringComparison.Ordinal)
                .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal).Replace("://[::]", "://localhost", StringComparison.Ordinal))
            .Select(url => new Uri(url))
            .ToArray();

    /// <summary>Says where the provider is once the server starts, and stops it with the server.</summary>
    internal sealed partial class Lifetime(WebApplication provider, Uri address, ILogger<Lifetime> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            LogStarted(logger, address);
            // The provider's first answer compiles OpenIddict's whole pipeline, which on a busy machine outlasts the
            // sign-in's 60 s wait for the discovery document: ask for it once now, while nobody waits.
            _ = Task.Run(WarmUpAsync, CancellationToken.None);
            return Task.CompletedTask;
        }

        private async Task WarmUpAsync()
        {
            try
            {
                using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
                using var response = await http.GetAsync(new Uri(address, ".well-known/openid-configuration"));
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Only a warm-up: the first sign-in then waits itself.
            }
        }

        public async Task StopAsync(CancellationToken cancellationToken)
        {
            await provider.StopAsync(cancellationToken);
            await provider.DisposeAsync();
        }

        [LoggerMessage(EventId = 1401, Level = LogLevel.Information, Message = "Stand-in national identity provider (VNeID) at {Address}: sign in with \"Đăng nhập bằng VNeID\" and pick a demo citizen")]
        private static partial void LogStarted(ILogger logger, Uri address);
    }
}
