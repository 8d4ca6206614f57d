using System.Security.Claims;

namespace Dvc.Designer.Access;

/// <summary>The server's answer to "may this account use the designer, and for which agency?".</summary>
public interface IDesignerAccess
{
    /// <summary>The designer user for a signed-in agency or system admin; null for anyone else.</summary>
    DesignerUser? Resolve(ClaimsPrincipal principal);
}
