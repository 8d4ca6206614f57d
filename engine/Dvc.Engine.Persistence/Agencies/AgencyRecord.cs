namespace Dvc.Engine.Persistence.Agencies;

/// <summary>An agency as the stores read and write it.</summary>
public sealed record AgencyRecord(
    string Code,
    string NameVi,
    string NameEn,
    string? ParentCode = null,
    bool IsGroup = false,
    string? UnitVersion = null,
    string? UnitId = null,
    DateOnly? ValidFrom = null,
    DateOnly? ValidTo = null);
