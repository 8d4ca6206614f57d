namespace Dvc.Designer.Access;

/// <summary>
/// Who is designing: an agency admin works on the procedures of <see cref="AgencyCode"/> and of the agencies below it
/// (<see cref="Scope"/>: the admin of the communes' People's Committees designs the procedures every commune runs); a
/// system admin on all. The server builds it from the signed-in account and the agency hierarchy
/// (<see cref="IDesignerAccess"/>), so the designer never reads claims.
/// </summary>
public sealed record DesignerUser(string UserId, string Name, string? AgencyCode, bool IsSystemAdmin)
{
    /// <summary>The agency codes this admin may design for: their own and every agency below it.</summary>
    public IReadOnlySet<string> Scope { get; init; } = AgencyCode is null ? new HashSet<string>() : new HashSet<string>([AgencyCode], StringComparer.OrdinalIgnoreCase);

    /// <summary>True when this user may open and change a procedure handled by <paramref name="agencyCode"/>.</summary>
    public bool MayEdit(string? agencyCode) => IsSystemAdmin || (agencyCode is not null && Scope.Contains(agencyCode));
}
