using System.Security.Claims;
using Dvc.Designer.Access;
using Dvc.Engine.Server.Accounts;

namespace Dvc.Engine.Server.Designer;

/// <summary>Agency admins design their agency's procedures (keyed by the agency code); system admins design all.</summary>
internal sealed class DesignerAccess : IDesignerAccess
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

        return viewer.Roles.Contains(DvcRoles.AgencyAdmin) && !string.IsNullOrEmpty(viewer.AgencyCode)
            ? new DesignerUser(viewer.UserId, viewer.Name ?? "", viewer.AgencyCode, IsSystemAdmin: false)
            : null;
    }
}
