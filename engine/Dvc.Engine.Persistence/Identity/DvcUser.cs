using Microsoft.AspNetCore.Identity;

namespace Dvc.Engine.Persistence.Identity;

/// <summary>
/// A citizen or officer account. Lives in the same database as dossiers so an assisted submission, a task claim and
/// a sign-in all name the same user id.
/// </summary>
public sealed class DvcUser : IdentityUser
{
    /// <summary>Full name with diacritics, as on the citizen ID card.</summary>
    public string FullName { get; set; } = string.Empty;

    /// <summary>
    /// 12-digit personal identification number, set only from the national identity provider (never typed), so an
    /// account's number is always a verified one; null until the citizen signs in with the national identity.
    /// </summary>
    public string? CitizenId { get; set; }

    /// <summary>When the national identity provider last vouched for this account (its last sign-in there).</summary>
    public DateTimeOffset? IdentityVerifiedAt { get; set; }

    /// <summary>The claims of that sign-in (name → value, the address flattened as <c>address.locality</c>…), as JSON.</summary>
    public string? VerifiedClaimsJson { get; set; }

    /// <summary>The agency an officer works for; null for citizens.</summary>
    public string? AgencyCode { get; set; }

    /// <summary>"vi" (default) or "en".</summary>
    public string PreferredLanguage { get; set; } = "vi";
}
