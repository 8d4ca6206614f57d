using System.Globalization;
using Dvc.Engine.Core.Calendar;

namespace Dvc.Engine.Core.Tests.Calendar;

/// <summary>A period given to a citizen ends at the end of its last day; a last day off moves to the next working day.</summary>
public sealed class PeriodEndTests
{
    private readonly WorkingCalendar calendar = new();

    private static DateTimeOffset Hanoi(string local) =>
        new(DateTime.ParseExact(local, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), WorkingCalendar.UtcOffset);

    [Theory]
    // Five working days from Thursday before Tết 2026: Friday, then the week of 16–20/02 is off.
    [InlineData("2026-02-12 10:00", 5, DayUnit.WorkingDays, "trước 24:00 ngày 26/02/2026")]
    // Five calendar days from Monday land on Saturday: the period runs to the end of Monday.
    [InlineData("2026-03-02 09:00", 5, DayUnit.CalendarDays, "trước 24:00 ngày 09/03/2026")]
    // Three calendar days from Friday 13/02 land in Tết: the first working day after it.
    [InlineData("2026-02-13 15:00", 3, DayUnit.CalendarDays, "trước 24:00 ngày 23/02/2026")]
    // Asked on a Saturday: five working days count from Monday's first session.
    [InlineData("2026-03-07 11:00", 5, DayUnit.WorkingDays, "trước 24:00 ngày 13/03/2026")]
    public void A_citizens_period_ends_at_the_end_of_its_last_working_day(string start, int days, DayUnit unit, string expected)
    {
        var end = calendar.PeriodEnd(Hanoi(start), days, unit);

        Assert.Equal(expected, DeadlineText.Format(end, english: false));
        Assert.Equal(TimeSpan.Zero, end.ToOffset(WorkingCalendar.UtcOffset).TimeOfDay);
    }

    [Fact]
    public void A_deadline_reads_the_same_in_english_with_its_time()
    {
        var due = Hanoi("2026-03-03 17:00");

        Assert.Equal(("trước 17:00 ngày 03/03/2026", "by 17:00 on 03/03/2026"), (DeadlineText.Format(due, english: false), DeadlineText.Format(due, english: true)));
    }

    [Theory]
    [InlineData("WorkingDays", true)]
    [InlineData("calendardays", true)]
    [InlineData("Days", false)]
    [InlineData("1", false)]
    [InlineData(null, false)]
    public void Only_the_two_unit_names_are_units(string? text, bool known) => Assert.Equal(known, WorkingCalendar.TryParseUnit(text, out _));
}
