namespace Dvc.Engine.Server.Accounts;

/// <summary>
/// Optional single sign-on (section <c>Dvc:OpenIdConnect</c>), e.g. the national portal's. Off by default; turning it
/// on is configuration only. A first sign-in creates a citizen account linked to the external login.
/// </summary>
internal sealed class OpenIdConnectLoginOptions
{
    public const string Section = "Dvc:OpenIdConnect";

    public const string Scheme = "oidc";

    public bool Enabled { get; set; }

    public string Authority { get; set; } = "";

    public string ClientId { get; set; } = "";

    public string ClientSecret { get; set; } = "";

    public string DisplayName { get; set; } = "OpenID Connect";

    /// <summary>Only for local test providers served over http.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;
}
