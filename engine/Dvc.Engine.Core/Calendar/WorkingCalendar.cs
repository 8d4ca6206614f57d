using System.Collections.Concurrent;

namespace Dvc.Engine.Core.Calendar;

/// <summary>
/// Working days and statutory deadlines for a Vietnamese agency: Saturday/Sunday off, public holidays with lunar Tết,
/// the year's decisions from <see cref="WorkingCalendarOptions"/>, office hours 08:00–12:00 and 13:30–17:00 in
/// Asia/Ho_Chi_Minh (UTC+7, no daylight saving).
/// </summary>
/// <remarks>
/// A working day is two sessions, each worth half a day; time inside a session counts in proportion, so 0.5 day from
/// 08:00 ends at 12:00 and 1 day from 10:00 ends at 10:00 on the next working day. Instants outside office hours count
/// from the start of the next session. Thread-safe; holidays are computed once per year and kept per instance.
/// </remarks>
public sealed class WorkingCalendar : Sdk.IWorkingCalendar
{
    /// <summary>Vietnam has used UTC+7 without daylight saving since 1975.</summary>
    public static readonly TimeSpan UtcOffset = TimeSpan.FromHours(7);

    private static readonly (TimeSpan Start, TimeSpan End)[] Sessions =
    [
        (new TimeSpan(8, 0, 0), new TimeSpan(12, 0, 0)),
        (new TimeSpan(13, 30, 0), new TimeSpan(17, 0, 0)),
    ];

    private readonly HashSet<DateOnly> extraDaysOff;
    private readonly HashSet<DateOnly> extraWorkingDays;
    private readonly Dictionary<int, DateOnly> nationalDayAdjacent;
    private readonly bool compensateWeekends;
    private readonly ConcurrentDictionary<int, IReadOnlyList<PublicHoliday>> holidaysByYear = new();
    private readonly ConcurrentDictionary<int, HashSet<DateOnly>> holidayDatesByYear = new();

    public WorkingCalendar()
        : this(new WorkingCalendarOptions())
    {
    }

    /// <summary>Copies the options, so later changes to them do not move deadlines already computed by this instance.</summary>
    public WorkingCalendar(WorkingCalendarOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        extraDaysOff = [.. options.ExtraDaysOff];
        extraWorkingDays = [.. options.ExtraWorkingDays];
        nationalDayAdjacent = options.NationalDayAdjacentDays
            .Where(d => d.Month == 9 && d.Day is 1 or 3)
            .GroupBy(d => d.Year)
            .ToDictionary(g => g.Key, g => g.Last());
        compensateWeekends = options.CompensateWeekendHolidays;
    }

    /// <summary>The statutory holidays and compensation days of a year (not the extra days off from options).</summary>
    public IReadOnlyList<PublicHoliday> HolidaysOf(int year) =>
        holidaysByYear.GetOrAdd(year, y => VietnamesePublicHolidays.ForYear(
            y,
            nationalDayAdjacent.TryGetValue(y, out var adjacent) ? adjacent : null,
            compensateWeekends));

    public bool IsWorkingDay(DateOnly date)
    {
        if (extraWorkingDays.Contains(date))
        {
            return true;
        }

        if (VietnamesePublicHolidays.IsWeekend(date) || extraDaysOff.Contains(date))
        {
            return false;
        }

        return !holidayDatesByYear.GetOrAdd(date.Year, y => [.. HolidaysOf(y).Select(h => h.Date)]).Contains(date);
    }

    /// <summary>Whether the local (UTC+7) date of an instant is a working day.</summary>
    public bool IsWorkingDay(DateTimeOffset instant) => IsWorkingDay(ToLocalDate(instant));

    /// <summary>The local date (UTC+7) of an instant.</summary>
    public static DateOnly ToLocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(UtcOffset).DateTime);

    /// <summary>The instant the clock starts for something that happens at <paramref name="instant"/>: itself inside office hours, else the next session's start.</summary>
    public DateTimeOffset NextWorkingInstant(DateTimeOffset instant)
    {
        var local = instant.ToOffset(UtcOffset);
        var (sessionDate, sessionIndex) = SessionAtOrAfter(local);
        var start = At(sessionDate, Sessions[sessionIndex].Start);
        return start > local ? start : local;
    }

    /// <summary>
    /// The deadline <paramref name="days"/> working days (multiples of 0.5 are one morning or afternoon; any
    /// fraction is allowed) after <paramref name="start"/>. A deadline that ends a session is that session's end
    /// (17:00, not 08:00 the next day). Returned with the +07:00 offset, rounded to the second.
    /// </summary>
    public DateTimeOffset AddWorkingDays(DateTimeOffset start, decimal days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var local = start.ToOffset(UtcOffset);
        var (date, index) = SessionAtOrAfter(local);
        var sessionStart = At(date, Sessions[index].Start);
        var cursor = sessionStart > local ? sessionStart : local;
        var remainingHalves = days * 2;

        while (true)
        {
            var sessionEnd = At(date, Sessions[index].End);
            var sessionTicks = (Sessions[index].End - Sessions[index].Start).Ticks;
            var leftHalves = (decimal)(sessionEnd - cursor).Ticks / sessionTicks;
            if (remainingHalves <= leftHalves)
            {
                var ticks = (long)Math.Round(remainingHalves * sessionTicks);
                return RoundToSecond(cursor.AddTicks(ticks));
            }

            remainingHalves -= leftHalves;
            (date, index) = NextSession(date, index);
            cursor = At(date, Sessions[index].Start);
        }
    }

    /// <summary>
    /// Working days between two instants (office time only, half a day a session, 6 decimals);
    /// negative when <paramref name="to"/> is before <paramref name="from"/>.
    /// </summary>
    public decimal WorkingDaysBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (to < from)
        {
            return -WorkingDaysBetween(to, from);
        }

        var end = to.ToOffset(UtcOffset);
        var local = from.ToOffset(UtcOffset);
        var (date, index) = SessionAtOrAfter(local);
        var halves = 0m;
        while (true)
        {
            var sessionStart = At(date, Sessions[index].Start);
            if (sessionStart >= end)
            {
                break;
            }

            var sessionEnd = At(date, Sessions[index].End);
            var overlapStart = sessionStart > local ? sessionStart : local;
            var overlapEnd = sessionEnd < end ? sessionEnd : end;
            if (overlapEnd > overlapStart)
            {
                halves += (decimal)(overlapEnd - overlapStart).Ticks / (Sessions[index].End - Sessions[index].Start).Ticks;
            }

            (date, index) = NextSession(date, index);
        }

        return Math.Round(halves / 2, 6);
    }

    /// <summary>
    /// The deadline moved later by the office time the clock was stopped (the dossier waited for the citizen from
    /// <paramref name="pausedAt"/> until <paramref name="resumedAt"/>).
    /// </summary>
    public DateTimeOffset ExtendForPause(DateTimeOffset dueAt, DateTimeOffset pausedAt, DateTimeOffset resumedAt) =>
        ExtendForPause(dueAt, WorkingDaysBetween(pausedAt, resumedAt));

    /// <summary>The deadline moved later by <paramref name="pausedWorkingDays"/> of stopped clock; unchanged when nothing was paused.</summary>
    public DateTimeOffset ExtendForPause(DateTimeOffset dueAt, decimal pausedWorkingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pausedWorkingDays);
        return pausedWorkingDays == 0 ? dueAt : AddWorkingDays(dueAt, pausedWorkingDays);
    }

    /// <summary>The instant <paramref name="days"/> after <paramref name="start"/>, counted in <paramref name="unit"/> (an officer's SLA).</summary>
    public DateTimeOffset Add(DateTimeOffset start, decimal days, DayUnit unit) =>
        unit == DayUnit.WorkingDays ? AddWorkingDays(start, days) : start.ToOffset(UtcOffset).AddTicks((long)(days * TimeSpan.TicksPerDay));

    /// <summary>
    /// The end of a period of <paramref name="days"/> given to a citizen from <paramref name="start"/> (to supplement,
    /// to pay): as the Civil Code counts a period in days (2015, arts. 147–148), it ends at the end (24:00, Hanoi time)
    /// of its last day, and a last day that is not a working day moves to the next working day. The result is the
    /// first instant after the period, midnight local time.
    /// </summary>
    public DateTimeOffset PeriodEnd(DateTimeOffset start, decimal days, DayUnit unit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var last = ToLocalDate(Add(start, days, unit));
        while (!IsWorkingDay(last))
        {
            last = last.AddDays(1);
        }

        return At(last.AddDays(1), TimeSpan.Zero);
    }

    /// <summary>Reads a unit as written in a workflow (<c>WorkingDays</c>, <c>CalendarDays</c>, any case); false for anything else.</summary>
    public static bool TryParseUnit(string? text, out DayUnit unit) =>
        Enum.TryParse(text, ignoreCase: true, out unit) && Enum.IsDefined(unit) && !int.TryParse(text, out _);

    /// <summary>The session containing <paramref name="local"/>, or the next one if it is outside office hours or past a session's end.</summary>
    private (DateOnly Date, int Index) SessionAtOrAfter(DateTimeOffset local)
    {
        var date = DateOnly.FromDateTime(local.DateTime);
        if (IsWorkingDay(date))
        {
            var time = local.TimeOfDay;
            for (var i = 0; i < Sessions.Length; i++)
            {
                if (time < Sessions[i].End)
                {
                    return (date, i);
                }
            }
        }

        return NextSession(date, Sessions.Length - 1);
    }

    private (DateOnly Date, int Index) NextSession(DateOnly date, int index)
    {
        if (index + 1 < Sessions.Length)
        {
            return (date, index + 1);
        }

        var next = date.AddDays(1);
        while (!IsWorkingDay(next))
        {
            next = next.AddDays(1);
        }

        return (next, 0);
    }

    private static DateTimeOffset At(DateOnly date, TimeSpan time) =>
        new(date.ToDateTime(TimeOnly.FromTimeSpan(time)), UtcOffset);

    private static DateTimeOffset RoundToSecond(DateTimeOffset value)
    {
        var ticks = (value.Ticks + TimeSpan.TicksPerSecond / 2) / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond;
        return new DateTimeOffset(ticks, value.Offset);
    }
}
