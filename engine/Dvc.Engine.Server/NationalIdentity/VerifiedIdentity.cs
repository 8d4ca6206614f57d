using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Dvc.Engine.Server.NationalIdentity;

/// <summary>
/// What the national identity provider vouched for at a sign-in, by claim name: the OpenID Connect standard claims
/// (<c>name</c>, <c>birthdate</c> yyyy-MM-dd, <c>gender</c>, <c>phone_number</c>, <c>email</c>) and <c>citizen_id</c>
/// (the 12-digit personal identification number); the <c>address</c> object is flattened to <c>address.street_address</c>,
/// <c>address.locality</c> (commune-level unit), <c>address.region</c> (province), <c>address.country</c> and
/// <c>address.formatted</c>. These are the names a form's <c>x-ui.prefill</c> uses.
/// </summary>
internal sealed partial record VerifiedIdentity(IReadOnlyDictionary<string, string> Claims)
{
    public const string CitizenIdClaim = "citizen_id";

    /// <summary>The claims kept from a token (those forms may prefill); anything else in it (audience, nonce, times) is protocol, not the person.</summary>
    private static IReadOnlyList<string> Known => Core.Forms.Prefill.KnownClaims;

    public string? this[string claim] => Claims.TryGetValue(claim, out var value) ? value : null;

    public string? CitizenId => this[CitizenIdClaim];

    public string? FullName => this["name"];

    public string? Email => this["email"];

    /// <summary>
    /// Reads the claims of a validated ID token. Null when the provider did not give a well-formed personal
    /// identification number: without it nothing can be verified or linked.
    /// </summary>
    public static VerifiedIdentity? From(ClaimsPrincipal principal)
    {
        var claims = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var claim in principal.Claims)
        {
            if (claim.Type == "address")
            {
                Flatten(claim.Value, claims);
            }
            else if (Known.Contains(claim.Type) && !string.IsNullOrWhiteSpace(claim.Value))
            {
                claims[claim.Type] = claim.Value.Trim();
            }
        }

        if (claims.TryGetValue("birthdate", out var birth) && !DateOnly.TryParseExact(birth, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            claims.Remove("birthdate");
        }

        return claims.TryGetValue(CitizenIdClaim, out var id) && TwelveDigits().IsMatch(id) ? new VerifiedIdentity(claims) : null;
    }

    public static VerifiedIdentity? FromJson(string? json) =>
        string.IsNullOrEmpty(json) ? null : new VerifiedIdentity(JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? []);

    public string ToJson() => JsonSerializer.Serialize(Claims);

    private static void Flatten(string json, Dictionary<string, string> claims)
    {
        try
        {
            using var address = JsonDocument.Parse(json);
            if (address.RootElement.ValueKind != JsonValueKind.Object)
            {
                return;
            }

            foreach (var part in address.RootElement.EnumerateObject())
            {
                var name = "address." + part.Name;
                if (Known.Contains(name) && part.Value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(part.Value.GetString()))
                {
                    claims[name] = part.Value.GetString()!.Trim();
                }
            }
        }
        catch (JsonException)
        {
            // A provider that sends the address as plain text gives only its formatted form.
            claims["address.formatted"] = json.Trim();
        }
    }

    [GeneratedRegex("^[0-9]{12}$", RegexOptions.CultureInvariant)]
    private static partial Regex TwelveDigits();
}
