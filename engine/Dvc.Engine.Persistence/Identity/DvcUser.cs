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

    /// <summary>12-digit citizen identity number (CCCD); null for officers who never file for themselves.</summary>
    public string? CitizenId { get; set; }

    /// <summary>The agency an officer works for; null for citizens.</summary>
    public string? AgencyCode { get; set; }

    /// <summary>"vi" (default) or "en".</summary>
    public string PreferredLanguage { get; set; } = "vi";
}
