namespace Dvc.Engine.Core.Agencies;

/// <summary>
/// What a human task shows to officers of an agency other than the dossier's (<c>shows</c> on <c>Dvc.HumanTask</c>):
/// the form fields (JSON pointers) and the attachment ids the step needs, and nothing else of the dossier.
/// </summary>
public sealed record TaskDisclosure(IReadOnlyList<string> Fields, IReadOnlyList<string> Attachments)
{
    public static TaskDisclosure Nothing { get; } = new([], []);
}
