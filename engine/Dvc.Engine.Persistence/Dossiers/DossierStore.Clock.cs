using System.Globalization;
using Dvc.Engine.Core.Calendar;

namespace Dvc.Engine.Persistence.Dossiers;

/// <summary>The statutory clock: it stops while the dossier waits for the citizen, and every stop and restart is an event with a reason.</summary>
public sealed partial class DossierStore
{
    /// <summary>
    /// Stops the clock now (a supplement or a payment is requested) and logs <c>ClockPaused</c>.
    /// <see cref="DossierUpdateOutcome.Conflict"/> when the version moved or the clock is already stopped.
    /// </summary>
    public Task<DossierUpdateResult> PauseClockAsync(
        Guid dossierId,
        long expectedVersion,
        string actor,
        string reason,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return UpdateCoreAsync(
            dossierId,
            expectedVersion,
            d =>
            {
                if (d.PausedAt is not null)
                {
                    return null;
                }

                d.PausedAt = now;
                return [new NewDossierEvent(actor, "ClockPaused", null, reason)];
            },
            cancellationToken);
    }

    /// <summary>
    /// Restarts the clock now: the office time it was stopped is added to <see cref="Dossier.PausedWorkingDays"/> and
    /// the deadline moves later by as much. Logs <c>ClockResumed</c> with
    /// <c>{"pausedWorkingDays":…,"previousDueAt":…,"dueAt":…}</c>. Conflict when the clock is not stopped.
    /// </summary>
    public Task<DossierUpdateResult> ResumeClockAsync(
        Guid dossierId,
        long expectedVersion,
        string actor,
        string reason,
        WorkingCalendar calendar,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var now = time.GetUtcNow();
        return UpdateCoreAsync(
            dossierId,
            expectedVersion,
            d =>
            {
                if (d.PausedAt is not { } pausedAt)
                {
                    return null;
                }

                var paused = calendar.WorkingDaysBetween(pausedAt, now);
                var previousDueAt = d.DueAt;
                d.PausedWorkingDays += paused;
                d.PausedAt = null;
                d.DueAt = previousDueAt is { } due ? calendar.ExtendForPause(due, paused) : null;
                var data = string.Create(
                    CultureInfo.InvariantCulture,
                    $$"""{"pausedWorkingDays":{{paused}},"previousDueAt":{{Json(previousDueAt)}},"dueAt":{{Json(d.DueAt)}}}""");
                return [new NewDossierEvent(actor, "ClockResumed", data, reason)];
            },
            cancellationToken);
    }

    private static string Json(DateTimeOffset? instant) =>
        instant is { } value ? $"\"{value.ToOffset(WorkingCalendar.UtcOffset).ToString("O", CultureInfo.InvariantCulture)}\"" : "null";
}
