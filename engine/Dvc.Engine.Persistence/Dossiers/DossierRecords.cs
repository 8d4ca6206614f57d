namespace Dvc.Engine.Persistence.Dossiers;

/// <summary>A new dossier. <see cref="SubmittedAt"/> defaults to now; the code's year is the submission's year in UTC+7.</summary>
public sealed record NewDossier
{
    /// <summary>The code prefix (province or agency), e.g. "HN" gives <c>HN-2026-K7QX-M2PD</c>.</summary>
    public string CodePrefix { get; init; } = "HN";

    public required Guid ProcedureVersionId { get; init; }

    public required string AgencyCode { get; init; }

    public string? ApplicantUserId { get; init; }

    public required string ApplicantName { get; init; }

    public string? ApplicantCitizenId { get; init; }

    /// <summary>
    /// Who filed it when that is not the applicant's own account: the officer at the counter (assisted submission), a
    /// parent for a child, a representative, a business's legal representative. Null when the applicant filed it.
    /// </summary>
    public string? SubmittedByUserId { get; init; }

    public required string DataJson { get; init; }

    public string Status { get; init; } = "Submitted";

    public DateTimeOffset? SubmittedAt { get; init; }

    public DateTimeOffset? DueAt { get; init; }

    public long? FeeVnd { get; init; }

    public IReadOnlyList<NewAttachment> Attachments { get; init; } = [];

    /// <summary>Data of the first event ("Submitted"), e.g. the decision trace of eligibility and fee rules.</summary>
    public string? SubmittedEventDataJson { get; init; }
}

public sealed record NewAttachment(string AttachmentId, string FileName, string ContentType, long SizeBytes, string Sha256, string StorageKey);

public sealed record NewDossierEvent(string Actor, string Kind, string? DataJson = null, string? Reason = null);

public sealed record DossierRecord(
    Guid Id,
    string Code,
    Guid ProcedureVersionId,
    string ProcedureCode,
    string AgencyCode,
    string? ApplicantUserId,
    string ApplicantName,
    string? ApplicantCitizenId,
    string? SubmittedByUserId,
    string DataJson,
    string Status,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? DueAt,
    DateTimeOffset? PausedAt,
    decimal PausedWorkingDays,
    DateTimeOffset? OverdueNotifiedAt,
    DateTimeOffset? CompletedAt,
    string? ResultText,
    string? ResultFileKey,
    long? FeeVnd,
    long Version);

public sealed record DossierSummary(
    Guid Id,
    string Code,
    string ProcedureCode,
    string AgencyCode,
    string ApplicantName,
    string Status,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? DueAt,
    DateTimeOffset? CompletedAt);

public sealed record DossierAttachmentRecord(
    Guid Id,
    Guid DossierId,
    string AttachmentId,
    string FileName,
    string ContentType,
    long SizeBytes,
    string Sha256,
    string StorageKey,
    DateTimeOffset UploadedAt);

public sealed record DossierEventRecord(
    Guid Id,
    Guid DossierId,
    long Sequence,
    DateTimeOffset At,
    string Actor,
    string Kind,
    string? DataJson,
    string? Reason);

/// <summary>An unfinished dossier whose deadline has passed and that has no apology slip yet (input of the overdue check).</summary>
public sealed record DossierDeadlineRow(Guid Id, string Code, DateTimeOffset DueAt, DateTimeOffset? PausedAt, DateTimeOffset? OverdueNotifiedAt);

public enum DossierUpdateOutcome
{
    Updated,
    NotFound,
    /// <summary>Someone else changed the dossier since the caller read it: reload and decide again.</summary>
    Conflict,
}

public sealed record DossierUpdateResult(DossierUpdateOutcome Outcome, DossierRecord? Dossier, DossierEventRecord? Event);
