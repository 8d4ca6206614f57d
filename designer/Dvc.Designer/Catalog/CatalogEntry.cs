namespace Dvc.Designer.Catalog;

/// <summary>A line of the designer's catalog: a published procedure, a draft, or both.</summary>
public sealed record CatalogEntry(
    string Code,
    string NameVi,
    string NameEn,
    string AgencyCode,
    string AdministrativeLevel,
    int ServiceLevel,
    bool Published,
    bool HasDraft,
    bool HasUnpublishedChanges,
    int ErrorCount,
    DateTimeOffset? UpdatedAt,
    string? UpdatedBy);

/// <summary>An agency a procedure can be assigned to.</summary>
public sealed record AgencyChoice(string Code, string NameVi, string NameEn);
