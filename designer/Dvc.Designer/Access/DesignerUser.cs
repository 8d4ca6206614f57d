namespace Dvc.Designer.Access;

/// <summary>
/// Who is designing: an agency admin works on the procedures of <see cref="AgencyCode"/> only; a system admin on all.
/// The server builds it from the signed-in account (<see cref="IDesignerAccess"/>), so the designer never reads claims.
/// </summary>
public sealed record DesignerUser(string UserId, string Name, string? AgencyCode, bool IsSystemAdmin)
{
    /// <summary>True when this user may open and change a procedure handled by <paramref name="agencyCode"/>.</summary>
    public bool MayEdit(string? agencyCode) =>
        IsSystemAdmin || (AgencyCode is not null && string.Equals(AgencyCode, agencyCode, StringComparison.OrdinalIgnoreCase));
}
