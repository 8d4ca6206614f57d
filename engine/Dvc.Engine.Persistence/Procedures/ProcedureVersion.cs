namespace Dvc.Engine.Persistence.Procedures;

/// <summary>
/// One immutable version of a procedure's definition bundle. The bundle never changes once stored; only the
/// publication columns move (draft → published → retired). Dossiers pin <see cref="Id"/>.
/// </summary>
public sealed class ProcedureVersion : IVersioned
{
    public Guid Id { get; set; }

    public string ProcedureCode { get; set; } = string.Empty;

    /// <summary>The author's semantic version from procedure.json.</summary>
    public string AuthorVersion { get; set; } = string.Empty;

    /// <summary>Lower-case hex SHA-256 of <see cref="BundleJson"/> (UTF-8); unique, so importing twice is a no-op.</summary>
    public string ContentHash { get; set; } = string.Empty;

    /// <summary>The import/export bundle: every part of the procedure in one JSON document.</summary>
    public string BundleJson { get; set; } = string.Empty;

    public ProcedureVersionStatus Status { get; set; }

    public DateTimeOffset ImportedAt { get; set; }

    public string ImportedBy { get; set; } = string.Empty;

    public DateTimeOffset? PublishedAt { get; set; }

    public string? PublishedBy { get; set; }

    /// <summary>What the publisher wrote about this publication (shown in the version history); null for imports.</summary>
    public string? Note { get; set; }

    public long Version { get; set; }
}
