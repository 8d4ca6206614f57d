namespace Dvc.Engine.Persistence.Procedures;

/// <summary>
/// The designer's working copy of one procedure: the files of its folder as the admin edits them, saved as they work.
/// One draft a procedure code; <see cref="Revision"/> is the optimistic-concurrency token, so a save based on an older
/// revision is a conflict the admin resolves, never a silent overwrite.
/// </summary>
public sealed class ProcedureDraft
{
    public Guid Id { get; set; }

    public string ProcedureCode { get; set; } = string.Empty;

    /// <summary>The handling agency's code from procedure.json: agency admins see the drafts of their agency only.</summary>
    public string AgencyCode { get; set; } = string.Empty;

    /// <summary>The Vietnamese name, for the catalog list without parsing the files.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The folder's files as one JSON object: relative path → text.</summary>
    public string FilesJson { get; set; } = "{}";

    /// <summary>Starts at 1 and grows by one with every save.</summary>
    public long Revision { get; set; }

    /// <summary>The published version the draft started from; null for a new procedure.</summary>
    public Guid? BaseVersionId { get; set; }

    /// <summary>The revision that was last published (null: never), so the catalog can say whether changes are waiting.</summary>
    public long? PublishedRevision { get; set; }

    /// <summary>Errors found by the last check, so the catalog can filter on compile health without compiling.</summary>
    public int ErrorCount { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = string.Empty;
}
