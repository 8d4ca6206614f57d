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

    /// <summary>Starts the sign-in on the portal's login page and stops on the provider's page.</summary>
    public static async Task<string> ChooseAtProviderAsync(TwoSiteBrowser browser, string? returnUrl)
    {
        var login = await (await browser.GetAsync("/account/login" + (returnUrl is null ? "" : "?returnUrl=" + Uri.EscapeDataString(returnUrl)))).Content.ReadAsStringAsync();
        var provider = await browser.SubmitAsync(login, "/account/login?handler=external");
        return await provider.Content.ReadAsStringAsync();
    }

    /// <summary>Signs in at the provider as <paramref name="subject"/> (or refuses) and returns the page the portal shows then.</summary>
    public static async Task<string> SignInAsync(TwoSiteBrowser browser, string subject, string? returnUrl = null)
    {
        var page = await ChooseAtProviderAsync(browser, returnUrl);
        var back = await browser.SubmitAsync(page, browser.Location.ToString(), ("choice", subject));
        var text = await back.Content.ReadAsStringAsync();
        if (browser.Location.AbsolutePath.StartsWith("/connect/", StringComparison.Ordinal))
        {
            // Still at the provider: say why, not only where.
            throw new InvalidOperationException($"The provider kept the browser ({(int)back.StatusCode}) after {string.Join(" → ", browser.Visited)}:\n{text[..Math.Min(text.Length, 2000)]}");
        }

        return text;
    }

    /// <summary>A first sign-in as <paramref name="subject"/> that creates the citizen's account; returns the page it lands on.</summary>
    public static async Task<string> SignInWithNewAccountAsync(TwoSiteBrowser browser, string subject)
    {
        var choice = await SignInAsync(browser, subject);
        return await (await browser.SubmitAsync(choice, "/account/external?handler=create&returnUrl=%2F")).Content.ReadAsStringAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
