namespace Dvc.Engine.Persistence.Procedures;

/// <summary>A draft as the designer reads it.</summary>
public sealed record ProcedureDraftRecord(
    Guid Id,
    string ProcedureCode,
    string AgencyCode,
    string Name,
    string FilesJson,
    long Revision,
    Guid? BaseVersionId,
    int ErrorCount,
    DateTimeOffset UpdatedAt,
    string UpdatedBy,
    long? PublishedRevision);

/// <summary>What a save writes. <paramref name="ExpectedRevision"/> is the revision the editor loaded.</summary>
public sealed record ProcedureDraftSave(
    string ProcedureCode,
    string AgencyCode,
    string Name,
    string FilesJson,
    long ExpectedRevision,
    int ErrorCount,
    string UpdatedBy);

/// <summary>The answer to a save: the stored draft when it went through, else the newer draft that is in the way.</summary>
public sealed record ProcedureDraftSaveResult(bool Saved, ProcedureDraftRecord? Draft);
