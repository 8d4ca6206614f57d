using Dvc.Engine.Core.Calendar;

namespace Dvc.Engine.Server.Tasks;

/// <summary>
/// Inbox filter; all parts optional. <see cref="Status"/> is Open, Claimed or Completed (default: not completed).
/// <see cref="Search"/> finds a dossier by code, applicant name (any case, with or without diacritics) or citizen ID.
/// </summary>
internal sealed record TaskQuery(string? ProcedureCode = null, string? Status = null, DateOnly? DueBefore = null, bool OverdueOnly = false, string? Search = null)
{
    /// <summary>
    /// "Due on or before <paramref name="day"/>" as an instant: the start of the next day in Hanoi. Null when that
    /// instant does not exist (31/12/9999 has no next day, 01/01/0001 at +07:00 starts before the first UTC instant),
    /// which callers answer as a field error rather than letting the arithmetic throw.
    /// </summary>
    public static DateTimeOffset? EndOf(DateOnly day) =>
        day > DateOnly.MinValue && day < DateOnly.MaxValue
            ? new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), WorkingCalendar.UtcOffset)
            : null;
}
