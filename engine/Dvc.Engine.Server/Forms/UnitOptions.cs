namespace Dvc.Engine.Server.Forms;

/// <summary>
/// <see cref="FormOption.Parent"/> holds the parent unit's value (the province for communes, the district for wards).
/// <see cref="Complete"/> is false when some parents have no list yet: the field then accepts free text.
/// </summary>
internal sealed record UnitOptions(IReadOnlyList<FormOption> Options, bool Complete);
