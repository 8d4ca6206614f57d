namespace Dvc.Engine.Persistence.Procedures;

/// <summary>What to import: <paramref name="BundleJson"/> should be the canonical bundle (same content, same bytes), its SHA-256 is the identity.</summary>
public sealed record ProcedureImport(string ProcedureCode, string AuthorVersion, string BundleJson, string ImportedBy, bool Publish = true, string? Note = null);

/// <summary>A version without its bundle, for listings.</summary>
public sealed record ProcedureVersionSummary(
    Guid Id,
    string ProcedureCode,
    string AuthorVersion,
    string ContentHash,
    ProcedureVersionStatus Status,
    DateTimeOffset ImportedAt,
    DateTimeOffset? PublishedAt,
    string? PublishedBy,
    string? Note = null);

/// <summary>A version with its bundle.</summary>
public sealed record ProcedureVersionRecord(
    Guid Id,
    string ProcedureCode,
    string AuthorVersion,
    string ContentHash,
    ProcedureVersionStatus Status,
    DateTimeOffset ImportedAt,
    DateTimeOffset? PublishedAt,
    string? PublishedBy,
    string BundleJson);

/// <summary><paramref name="Created"/> is false when a version with the same content hash already existed.</summary>
public sealed record ProcedureImportResult(ProcedureVersionSummary Version, bool Created);
