using Dvc.Engine.Core.Definitions;

namespace Dvc.Engine.Core.Agencies;

/// <summary>
/// One agency of <c>shared/agencies.json</c>. <see cref="Code"/> is stable (dossiers, tasks and accounts keep it);
/// <see cref="Parent"/> places it in the hierarchy; <see cref="Unit"/> is the administrative unit it serves, if any;
/// a group (<see cref="IsGroup"/>) only classifies agencies and never handles a dossier itself.
/// </summary>
public sealed record AgencyDefinition(
    string Code,
    LocalizedText Name,
    string? Parent = null,
    AgencyUnit? Unit = null,
    DateOnly? ValidFrom = null,
    DateOnly? ValidTo = null,
    bool IsGroup = false)
{
    public bool IsValidOn(DateOnly day) => (ValidFrom is null || ValidFrom <= day) && (ValidTo is null || day <= ValidTo);
}
