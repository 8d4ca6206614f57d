using System.Security.Claims;
using Dvc.Designer.Access;
using Dvc.Engine.Server.Accounts;
using Dvc.Engine.Server.Agencies;

namespace Dvc.Engine.Server.Designer;

/// <summary>
/// Agency admins design the procedures of their agency and of the agencies below it in the hierarchy (the admin of
/// the communes' group designs what every commune runs; a commune's admin only its own); system admins design all.
/// </summary>
internal sealed class DesignerAccess(AgencyCatalog agencies) : IDesignerAccess
{
    public DesignerUser? Resolve(ClaimsPrincipal principal)
    {
        var viewer = Viewer.From(principal);
        if (viewer.UserId is null)
        {
            return null;
        }

        if (viewer.IsSystemAdmin)
        {
            return new DesignerUser(viewer.UserId, viewer.Name ?? "", null, IsSystemAdmin: true);
        }

        if (!viewer.Roles.Contains(DvcRoles.AgencyAdmin) || viewer.AgencyCode is not { Length: > 0 } agency)
        {
            return null;
        }

        var directory = agencies.Directory;
        var scope = new HashSet<string>(directory.All.Where(a => directory.IsWithin(a.Code, agency)).Select(a => a.Code), StringComparer.OrdinalIgnoreCase) { agency };
        return new DesignerUser(viewer.UserId, viewer.Name ?? "", agency, IsSystemAdmin: false) { Scope = scope };
    }
}
