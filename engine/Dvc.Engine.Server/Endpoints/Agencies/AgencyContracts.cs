using Dvc.Engine.Server.Endpoints.Catalog;

namespace Dvc.Engine.Server.Endpoints.Agencies;

/// <summary>
/// An agency: a stable <paramref name="Code"/>, its parent in the hierarchy, the administrative unit it serves
/// (<paramref name="UnitVersion"/> of the unit file, <paramref name="UnitId"/>), and when it exists. A group only
/// classifies agencies and handles no dossier.
/// </summary>
public sealed record AgencyDto(
    string Code,
    TextDto Name,
    string? ParentCode,
    bool IsGroup,
    string? UnitVersion,
    string? UnitId,
    DateOnly? ValidFrom,
    DateOnly? ValidTo);
