namespace Dvc.IdentityProvider;

/// <summary>The portal as Development registers it: the same id and secret the server's Development settings use.</summary>
public static class DevelopmentClient
{
    public const string ClientId = "dvc-portal";

    public const string ClientSecret = "development-only-oidc-secret";

    public static ProviderClient For(params Uri[] portals)
    {
        var client = new ProviderClient { ClientId = ClientId, ClientSecret = ClientSecret, DisplayName = "Cổng dịch vụ công Hà Nội" };
        foreach (var portal in portals)
        {
            client.RedirectUris.Add(new Uri(portal, "/signin-oidc"));
            client.PostLogoutRedirectUris.Add(new Uri(portal, "/signout-callback-oidc"));
        }

        return client;
    }
}
