using System.Security.Claims;

namespace Dvc.Engine.Server.Accounts;

/// <summary>
/// Who is asking, as the services see it (pages and API build it the same way from the principal), so access
/// rules live in the services and not in each caller.
/// </summary>
internal sealed record Viewer(string? UserId, string? Name, string? AgencyCode, IReadOnlySet<string> Roles, IReadOnlySet<string> TaskRoles)
{
    public static readonly Viewer Anonymous = new(null, null, null, new HashSet<string>(), new HashSet<string>());

    public bool IsSignedIn => UserId is not null;

    public bool IsSystemAdmin => Roles.Contains(DvcRoles.SystemAdmin);

    public bool IsStaff => IsSystemAdmin || Roles.Contains(DvcRoles.Officer) || Roles.Contains(DvcRoles.AgencyAdmin);

    /// <summary>True when the viewer works for <paramref name="agencyCode"/> (system admins work for all).</summary>
    public bool WorksFor(string agencyCode) => IsSystemAdmin || (IsStaff && string.Equals(AgencyCode, agencyCode, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// True when the viewer may act on a task for <paramref name="taskRole"/> (agency admins act on every role; a task
    /// without a role, such as a workflow incident, is for any officer of the agency).
    /// </summary>
    public bool Holds(string? taskRole) =>
        IsSystemAdmin || Roles.Contains(DvcRoles.AgencyAdmin) || string.IsNullOrEmpty(taskRole) || TaskRoles.Contains(DvcClaims.AnyTaskRole) || TaskRoles.Contains(taskRole);

    public static Viewer From(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true)
        {
            return Anonymous;
        }

        return new Viewer(
            principal.FindFirstValue(ClaimTypes.NameIdentifier),
            principal.FindFirstValue(DvcClaims.FullName) ?? principal.Identity.Name,
            principal.FindFirstValue(DvcClaims.Agency),
            principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal),
            principal.FindAll(DvcClaims.TaskRole).Select(c => c.Value).ToHashSet(StringComparer.Ordinal));
    }
}
