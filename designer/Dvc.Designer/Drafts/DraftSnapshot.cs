namespace Dvc.Designer.Drafts;

/// <summary>A draft as stored: its files at <see cref="Revision"/>, and who saved it last.</summary>
public sealed record DraftSnapshot(
    string Code,
    long Revision,
    IReadOnlyDictionary<string, string> Files,
    DateTimeOffset UpdatedAt,
    string UpdatedBy,
    bool HasUnpublishedChanges);
