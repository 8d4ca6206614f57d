namespace Dvc.Engine.Core.Calendar;

/// <summary>
/// What the overdue check needs to know about one open dossier.
/// <paramref name="RemainingWorkingDays"/> is the agency's estimate of the work still to do (the rest of the SLA of the
/// steps not yet done); <paramref name="OverdueNotifiedAt"/> is set once an apology slip was issued;
/// <paramref name="PausedAt"/> is set while the clock is stopped (waiting for the citizen).
/// </summary>
public sealed record DossierDeadline(
    string DossierCode,
    DateTimeOffset DueAt,
    decimal RemainingWorkingDays,
    DateTimeOffset? OverdueNotifiedAt = null,
    DateTimeOffset? PausedAt = null);
