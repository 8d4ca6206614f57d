namespace Dvc.Engine.Server.NationalIdentity;

/// <summary>
/// Sign-in with the national electronic identity (VNeID / the national public-service portal's single sign-on),
/// section <c>Dvc:OpenIdConnect</c>: an OpenID Connect provider reached with the authorization code flow and PKCE.
/// Off by default; Development turns it on against the stand-in provider the server hosts (tools/Dvc.IdentityProvider).
/// </summary>
internal sealed class NationalIdentityOptions
{
    public const string Section = "Dvc:OpenIdConnect";

    /// <summary>The authentication scheme, also recorded as the sign-in method of a session that used it.</summary>
    public const string Scheme = "oidc";

    public bool Enabled { get; set; }

    public string Authority { get; set; } = "";

    public string ClientId { get; set; } = "";

    public string ClientSecret { get; set; } = "";

    public string DisplayName { get; set; } = "VNeID";

    /// <summary>Only for local test providers served over http.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>
    /// Development only: start the stand-in provider beside the server and use it (Authority, client id and secret are
    /// then filled in); see <see cref="Hosting.StandInIdentityProvider"/>.
    /// </summary>
    public bool StandIn { get; set; }

    /// <summary>How long a started sign-in may wait for the account-linking choice (or its e-mail link), in minutes.</summary>
    public int LinkingMinutes { get; set; } = 30;
}
