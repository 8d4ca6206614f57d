namespace Dvc.Engine.Core.Calendar;

/// <summary>
/// Finds dossiers that became overdue and builds their apology slips. Pure: the caller passes the clock and writes
/// the events and notifications, so a background job on any node can call it.
/// </summary>
public sealed class OverdueDetector(WorkingCalendar calendar)
{
    /// <summary>
    /// The smallest new promise a slip makes when the agency's estimate of the remaining work is zero or less: a
    /// proposed date must lie after the slip is issued.
    /// </summary>
    public const decimal MinimumExtensionWorkingDays = 0.5m;

    /// <summary>
    /// The dossiers whose deadline has passed at <paramref name="now"/> and that have no slip yet, skipping paused
    /// ones (their clock is stopped), in deadline order. Proposed date = now + the remaining working days.
    /// </summary>
    public IReadOnlyList<ApologySlip> DetectNewlyOverdue(IEnumerable<DossierDeadline> deadlines, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(deadlines);
        return deadlines
            .Where(d => d.DueAt < now && d.OverdueNotifiedAt is null && d.PausedAt is null)
            .OrderBy(d => d.DueAt)
            .ThenBy(d => d.DossierCode, StringComparer.Ordinal)
            .Select(d => new ApologySlip(
                d.DossierCode,
                d.DueAt,
                calendar.AddWorkingDays(now, Math.Max(d.RemainingWorkingDays, MinimumExtensionWorkingDays)),
                calendar.WorkingDaysBetween(d.DueAt, now),
                now.ToOffset(WorkingCalendar.UtcOffset)))
            .ToList();
    }
}
