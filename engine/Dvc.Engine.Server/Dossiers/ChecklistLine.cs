namespace Dvc.Engine.Server.Dossiers;

/// <summary>A document this applicant must attach, with the checklist rule's note when a rule required it.</summary>
internal sealed record ChecklistLine(string AttachmentId, string Name, string? Note);
