using Dvc.Engine.Core.Definitions;

namespace Dvc.Engine.Core.Rules;

/// <summary>An attachment this applicant must upload: always required, or made required by <see cref="Rule"/> (with its note).</summary>
public sealed record ChecklistItem(AttachmentDefinition Attachment, string? Rule = null, LocalizedText? Note = null);
