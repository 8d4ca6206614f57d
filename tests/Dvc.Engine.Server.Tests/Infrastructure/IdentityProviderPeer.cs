using Dvc.IdentityProvider;
using Microsoft.AspNetCore.Builder;

namespace Dvc.Engine.Server.Tests.Infrastructure;

/// <summary>
/// The stand-in national identity provider on a free loopback port, registered for the test portal
/// (<c>http://localhost</c>), and the portal settings that point at it.
/// </summary>
public sealed class IdentityProviderPeer : IAsyncDisposable
{
    public const string ClientId = "dvc-test-portal";
    public const string ClientSecret = "test-client-secret-0123456789";

    private WebApplication _app = null!;

    public Uri Address { get; private set; } = null!;

    public static async Task<IdentityProviderPeer> StartAsync(Action<IdentityProviderOptions>? configure = null, TimeProvider? clock = null)
    {
        var peer = new IdentityProviderPeer();
        (peer._app, peer.Address) = await IdentityProviderApp.StartAsync("http://127.0.0.1:0", options =>
        {
            var client = DevelopmentClient.For(new Uri("http://localhost/"));
            client.ClientId = ClientId;
            client.ClientSecret = ClientSecret;
            options.Clients.Add(client);
            configure?.Invoke(options);
        }, clock);
        return peer;
    }

    /// <summary>The portal's <c>Dvc:OpenIdConnect</c> settings for this provider.</summary>
    public void Configure(DvcServerFactory portal)
    {
        portal.Settings["Dvc:OpenIdConnect:Enabled"] = "true";
        portal.Settings["Dvc:OpenIdConnect:Authority"] = Address.ToString();
        portal.Settings["Dvc:OpenIdConnect:ClientId"] = ClientId;
        portal.Settings["Dvc:OpenIdConnect:ClientSecret"] = ClientSecret;
        portal.Settings["Dvc:OpenIdConnect:RequireHttpsMetadata"] = "false";
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
