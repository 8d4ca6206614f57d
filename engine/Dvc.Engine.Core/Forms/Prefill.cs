using System.Text.Json.Nodes;

namespace Dvc.Engine.Core.Forms;

/// <summary>
/// <c>x-ui.prefill</c>: the field is filled from what the national identity provider vouched for, and then cannot be
/// changed by the citizen. Either a claim name (<c>"prefill": "name"</c>) or, when the form codes the value its own
/// way, the claim and a value map (<c>"prefill": { "claim": "gender", "values": { "male": "nam", "female": "nu" } }</c>).
/// </summary>
public sealed record Prefill(string Claim, IReadOnlyDictionary<string, string> Values)
{
    /// <summary>
    /// The claims a form may name: the OpenID Connect standard ones the provider gives (<c>birthdate</c> as
    /// yyyy-MM-dd, <c>gender</c> male/female), the 12-digit <c>citizen_id</c>, and the address flattened as
    /// <c>address.street_address</c>, <c>address.locality</c> (commune), <c>address.region</c> (province),
    /// <c>address.country</c>, <c>address.formatted</c>.
    /// </summary>
    public static readonly IReadOnlyList<string> KnownClaims =
    [
        "citizen_id", "name", "birthdate", "gender", "phone_number", "email",
        "address.street_address", "address.locality", "address.region", "address.country", "address.formatted",
    ];

    /// <summary>The value the field takes from the claim's value; null when the map has no entry for it.</summary>
    public string? ValueFor(string claimValue) =>
        Values.Count == 0 ? claimValue : Values.TryGetValue(claimValue, out var mapped) ? mapped : null;

    /// <summary>Reads the declaration; null when there is none or it is malformed (the compiler reports which).</summary>
    public static Prefill? Read(JsonNode? node)
    {
        switch (node)
        {
            case JsonValue v when v.TryGetValue<string>(out var claim):
                return new Prefill(claim, new Dictionary<string, string>(StringComparer.Ordinal));
            case JsonObject o when o["claim"] is JsonValue c && c.TryGetValue<string>(out var claim):
                var values = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var (from, to) in o["values"] as JsonObject ?? [])
                {
                    if (to is JsonValue t && t.TryGetValue<string>(out var mapped))
                    {
                        values[from] = mapped;
                    }
                }

                return new Prefill(claim, values);
            default:
                return null;
        }
    }
}
