using Dvc.Engine.Persistence.Procedures;

namespace Dvc.Engine.Persistence.Dossiers;

/// <summary>A citizen's application (hồ sơ), pinned to the procedure version it was submitted under.</summary>
public sealed class Dossier : IVersioned
{
    public Guid Id { get; set; }

    /// <summary>Human-readable code, <c>HN-2026-K7QX-M2PD</c>: prefix, year of submission (UTC+7), random part (<see cref="DossierCodes"/>).</summary>
    public string Code { get; set; } = string.Empty;

    public Guid ProcedureVersionId { get; set; }

    public ProcedureVersion? ProcedureVersion { get; set; }

    /// <summary>Copied from the version so listings need no join.</summary>
    public string ProcedureCode { get; set; } = string.Empty;

    public string AgencyCode { get; set; } = string.Empty;

    /// <summary>The citizen's account; null when an officer filed for someone without one.</summary>
    public string? ApplicantUserId { get; set; }

    public string ApplicantName { get; set; } = string.Empty;

    public string? ApplicantCitizenId { get; set; }

    /// <summary>Who filed it for the applicant: an officer (assisted), a parent, a representative; null if self-filed.</summary>
    public string? SubmittedByUserId { get; set; }

    /// <summary>The form submission as JSON.</summary>
    public string DataJson { get; set; } = "{}";

    /// <summary>Workflow-defined status name (Submitted, Processing, AwaitingSupplement, Completed, Rejected…).</summary>
    public string Status { get; set; } = string.Empty;

    public DateTimeOffset SubmittedAt { get; set; }

    public DateTimeOffset? DueAt { get; set; }

    /// <summary>Set while the statutory clock is stopped (waiting for the citizen).</summary>
    public DateTimeOffset? PausedAt { get; set; }

    /// <summary>Working days the clock has been stopped so far (see WorkingCalendar.ExtendForPause).</summary>
    public decimal PausedWorkingDays { get; set; }

    public DateTimeOffset? OverdueNotifiedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public string? ResultText { get; set; }

    /// <summary>Storage key of the result document.</summary>
    public string? ResultFileKey { get; set; }

    /// <summary>Fee in VND (no decimals); null until the fee rules ran.</summary>
    public long? FeeVnd { get; set; }

    public long Version { get; set; }

    /// <summary>Sequence of the last event of the dossier's log: deleting the newest events breaks the chain here.</summary>
    public long? LastEventSequence { get; set; }

    /// <summary>Hash of that last event (<see cref="DossierEvent.Hash"/>).</summary>
    public string? LastEventHash { get; set; }

    public List<DossierAttachment> Attachments { get; set; } = [];
}
