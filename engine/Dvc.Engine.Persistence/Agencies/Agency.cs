namespace Dvc.Engine.Persistence.Agencies;

/// <summary>
/// An agency as imported from <c>definitions/shared/agencies.json</c>. Rows are never deleted: a dossier, a task or an
/// account keeps its agency code after a reorganisation, so the name and place in the hierarchy stay readable.
/// </summary>
public sealed class Agency
{
    /// <summary>The stable code (<c>HN-P-BA-DINH</c>) that dossiers, tasks and accounts name.</summary>
    public string Code { get; set; } = string.Empty;

    public string NameVi { get; set; } = string.Empty;

    public string NameEn { get; set; } = string.Empty;

    public string? ParentCode { get; set; }

    /// <summary>A group only classifies agencies; it handles no dossier itself.</summary>
    public bool IsGroup { get; set; }

    /// <summary>The version of the unit file (<c>hn-2025</c>) of the unit the agency serves.</summary>
    public string? UnitVersion { get; set; }

    public string? UnitId { get; set; }

    public DateOnly? ValidFrom { get; set; }

    public DateOnly? ValidTo { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
