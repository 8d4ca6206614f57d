namespace Dvc.IdentityProvider;

/// <summary>What one provider instance serves: its clients, the people on its sign-in page, and token lifetimes.</summary>
public sealed class IdentityProviderOptions
{
    public List<ProviderClient> Clients { get; } = [];

    public List<CitizenIdentity> Citizens { get; } = [.. DemoCitizens.All];

    /// <summary>How long an ID token is valid; the portal refuses it afterwards.</summary>
    public TimeSpan IdentityTokenLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long an authorization code may wait before the portal redeems it.</summary>
    public TimeSpan AuthorizationCodeLifetime { get; set; } = TimeSpan.FromMinutes(2);
}
