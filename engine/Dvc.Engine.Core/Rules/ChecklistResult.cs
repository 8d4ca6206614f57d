namespace Dvc.Engine.Core.Rules;

/// <summary>The attachments required from this applicant, in manifest order.</summary>
public sealed record ChecklistResult(IReadOnlyList<ChecklistItem> Items, DecisionTrace Trace)
{
    public IReadOnlyList<string> AttachmentIds => [.. Items.Select(i => i.Attachment.Id)];
}
