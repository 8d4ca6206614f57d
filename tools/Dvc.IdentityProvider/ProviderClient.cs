namespace Dvc.IdentityProvider;

/// <summary>A relying party (the portal) registered with the provider: a confidential client using code + PKCE.</summary>
public sealed class ProviderClient
{
    public string ClientId { get; set; } = "";

    public string ClientSecret { get; set; } = "";

    public string DisplayName { get; set; } = "";

    /// <summary>Exact callback addresses, e.g. <c>http://localhost:5080/signin-oidc</c>.</summary>
    public List<Uri> RedirectUris { get; } = [];

    /// <summary>Where the provider may send the browser back after signing out.</summary>
    public List<Uri> PostLogoutRedirectUris { get; } = [];
}
