using Dvc.Designer.Access;

namespace Dvc.Designer.Versions;

/// <summary>
/// Publishing and the version history. Publish compiles the stored draft, runs its tests, stores an immutable version
/// with the note and tells the running catalog to serve it; it is refused while errors or failing tests remain.
/// </summary>
public interface IProcedurePublisher
{
    Task<IReadOnlyList<VersionEntry>> VersionsAsync(DesignerUser user, string code, CancellationToken cancellationToken);

    /// <summary>The procedure folder's files of a version (shared fragments left out).</summary>
    Task<IReadOnlyDictionary<string, string>?> VersionFilesAsync(DesignerUser user, string code, Guid versionId, CancellationToken cancellationToken);

    /// <summary>Publishes the draft at <paramref name="revision"/> (the editor saves first).</summary>
    Task<PublishResult> PublishAsync(DesignerUser user, string code, long revision, string note, CancellationToken cancellationToken);

    /// <summary>Serves an older version again (a rollback); new dossiers start on it, pinned ones keep theirs.</summary>
    Task<PublishResult> RollbackAsync(DesignerUser user, string code, Guid versionId, string note, CancellationToken cancellationToken);
}

public sealed record VersionEntry(
    Guid Id,
    string AuthorVersion,
    DateTimeOffset ImportedAt,
    DateTimeOffset? PublishedAt,
    string? PublishedBy,
    string? Note,
    int OpenDossiers,
    bool IsCurrent);

public enum PublishStatus
{
    Published,
    Refused,
    LayoutOnly,
    Unchanged,
    Conflict,
    Forbidden,
    NotFound,
}

/// <summary>What publishing did: the new current version, or why it was refused (errors, failing tests).</summary>
public sealed record PublishResult(
    PublishStatus Status,
    VersionEntry? Version,
    IReadOnlyList<string> Errors,
    IReadOnlyList<TestOutcomeLine> FailingTests,
    TimeSpan Elapsed);

public sealed record TestOutcomeLine(string Name, string Failure);
