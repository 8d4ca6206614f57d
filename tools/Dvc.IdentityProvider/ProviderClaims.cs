using System.Security.Claims;
using System.Text.Json;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Dvc.IdentityProvider;

/// <summary>
/// The claims of an ID token: the OpenID Connect standard ones (<c>name</c>, <c>birthdate</c> as yyyy-MM-dd,
/// <c>gender</c> male/female, <c>phone_number</c>, <c>email</c>, <c>address</c> as a JSON object with
/// <c>street_address</c>, <c>locality</c> = commune-level unit, <c>region</c> = province, <c>country</c>,
/// <c>formatted</c>) and the personal identification number as <c>citizen_id</c>.
/// </summary>
public static class ProviderClaims
{
    public const string CitizenId = "citizen_id";

    /// <summary>The scope a client asks for to receive <see cref="CitizenId"/>.</summary>
    public const string CitizenScope = "citizen";

    internal static ClaimsIdentity For(CitizenIdentity citizen, IEnumerable<string> scopes, string authenticationType)
    {
        var identity = new ClaimsIdentity(authenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, citizen.Subject)
            .SetClaim(Claims.Name, citizen.FullName)
            .SetClaim(CitizenId, citizen.CitizenId)
            .SetClaim(Claims.Birthdate, citizen.BirthDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
            .SetClaim(Claims.Gender, citizen.Gender)
            .SetClaim(Claims.PhoneNumber, citizen.PhoneNumber)
            .SetClaim(Claims.PhoneNumberVerified, true)
            .SetClaim(Claims.Email, citizen.Email);
        var address = JsonSerializer.SerializeToElement(new Dictionary<string, string>
        {
            ["street_address"] = citizen.Street,
            ["locality"] = citizen.Commune,
            ["region"] = citizen.Province,
            ["country"] = "Việt Nam",
            ["formatted"] = $"{citizen.Street}, {citizen.Commune}, {citizen.Province}",
        });
        identity.SetClaim(Claims.Address, address);
        identity.SetScopes(scopes);
        // Everything goes into the ID token: the portal reads the person from it, not from a userinfo call.
        identity.SetDestinations(static _ => [Destinations.IdentityToken, Destinations.AccessToken]);
        return identity;
    }
}
