namespace Dvc.Engine.Core.Definitions;

/// <summary>A document the citizen uploads. <see cref="Required"/> false means "only when a checklist rule says so".</summary>
public sealed record AttachmentDefinition(
    string Id,
    LocalizedText Name,
    bool Required,
    IReadOnlyList<string> AcceptedTypes,
    decimal MaxSizeMb,
    string? Copies = null);
