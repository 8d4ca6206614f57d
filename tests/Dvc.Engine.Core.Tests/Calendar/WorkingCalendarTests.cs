using System.Globalization;
using Dvc.Engine.Core.Calendar;

namespace Dvc.Engine.Core.Tests.Calendar;

public sealed class WorkingCalendarTests
{
    private readonly WorkingCalendar calendar = new();

    /// <summary>Local Hanoi time, written as the officer reads it.</summary>
    private static DateTimeOffset Hanoi(string local) =>
        new(DateTime.ParseExact(local, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), WorkingCalendar.UtcOffset);

    private static DateOnly D(string iso) => DateOnly.Parse(iso, CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2025-03-03", true)] // Monday
    [InlineData("2025-03-08", false)] // Saturday
    [InlineData("2025-03-09", false)] // Sunday
    [InlineData("2025-01-29", false)] // mùng 1 Tết
    [InlineData("2025-02-03", false)] // compensation for Tết on Saturday 01/02
    [InlineData("2025-04-07", false)] // Hùng Kings
    [InlineData("2025-09-01", false)] // paired with National Day
    [InlineData("2026-02-16", false)] // last day of the old lunar year
    [InlineData("2026-02-23", true)]
    [InlineData("2026-04-27", false)] // compensation for Hùng Kings on Sunday
    [InlineData("2027-02-11", false)] // second compensation for Tết 2027
    [InlineData("2027-02-12", true)]
    public void Working_days_follow_weekends_and_holidays(string date, bool expected)
    {
        Assert.Equal(expected, calendar.IsWorkingDay(D(date)));
    }

    [Fact]
    public void A_government_swap_is_one_edit_in_the_options()
    {
        // Tết 2025: Monday 27/01 off, made up on Saturday 08/02; the computed 03/02 compensation was worked.
        var options = new WorkingCalendarOptions
        {
            ExtraDaysOff = [D("2025-01-27")],
            ExtraWorkingDays = [D("2025-02-08"), D("2025-02-03")],
        };
        var decided = new WorkingCalendar(options);

        options.ExtraDaysOff.Clear();

        Assert.False(decided.IsWorkingDay(D("2025-01-27")));
        Assert.True(decided.IsWorkingDay(D("2025-02-08")));
        Assert.True(decided.IsWorkingDay(D("2025-02-03")));
    }

    [Fact]
    public void A_national_day_decision_overrides_the_usual_neighbour()
    {
        var decided = new WorkingCalendar(new WorkingCalendarOptions { NationalDayAdjacentDays = [D("2026-09-03")] });

        Assert.True(decided.IsWorkingDay(D("2026-09-01")));
        Assert.False(decided.IsWorkingDay(D("2026-09-03")));
        Assert.False(calendar.IsWorkingDay(D("2026-09-01")));
    }

    [Fact]
    public void Working_day_of_an_instant_is_judged_in_Hanoi_time()
    {
        // 17:30 UTC on Friday is 00:30 on Saturday in Hanoi.
        var instant = new DateTimeOffset(2025, 3, 7, 17, 30, 0, TimeSpan.Zero);

        Assert.False(calendar.IsWorkingDay(instant));
    }

    [Theory]
    [InlineData("2025-03-03 08:00:00", 1.0, "2025-03-03 17:00:00")]
    [InlineData("2025-03-03 10:00:00", 1.0, "2025-03-04 10:00:00")]
    [InlineData("2025-03-03 08:00:00", 0.5, "2025-03-03 12:00:00")]
    [InlineData("2025-03-03 13:30:00", 0.5, "2025-03-03 17:00:00")]
    [InlineData("2025-03-03 10:00:00", 0.5, "2025-03-03 15:15:00")]
    [InlineData("2025-03-03 12:30:00", 0.5, "2025-03-03 17:00:00")] // lunch counts from 13:30
    [InlineData("2025-03-03 06:00:00", 0.5, "2025-03-03 12:00:00")]
    [InlineData("2025-03-03 18:00:00", 0.5, "2025-03-04 12:00:00")]
    [InlineData("2025-03-07 16:55:00", 1.0, "2025-03-10 16:55:00")] // Friday 16:55: five minutes count on Friday
    [InlineData("2025-03-07 16:55:00", 0.5, "2025-03-10 11:54:17")]
    [InlineData("2025-03-07 17:00:00", 1.0, "2025-03-10 17:00:00")]
    [InlineData("2025-03-08 10:00:00", 1.0, "2025-03-10 17:00:00")] // Saturday counts from Monday morning
    [InlineData("2025-03-08 10:00:00", 0.5, "2025-03-10 12:00:00")]
    [InlineData("2025-03-03 09:00:00", 5.0, "2025-03-10 09:00:00")]
    [InlineData("2025-03-03 09:00:00", 0.0, "2025-03-03 09:00:00")]
    public void Deadlines_count_office_hours(string start, double days, string expected)
    {
        var deadline = calendar.AddWorkingDays(Hanoi(start), (decimal)days);

        Assert.Equal(Hanoi(expected), deadline);
        Assert.Equal(WorkingCalendar.UtcOffset, deadline.Offset);
    }

    [Theory]
    [InlineData("2026-02-13 09:00:00", 3.0, "2026-02-25 09:00:00")] // Tết 2026: 16–20/02 plus the weekends
    [InlineData("2025-01-27 08:00:00", 2.0, "2025-02-04 17:00:00")] // Tết 2025 with the 03/02 compensation
    [InlineData("2025-04-29 14:00:00", 2.0, "2025-05-05 14:00:00")] // 30/04–01/05 then a weekend
    [InlineData("2025-08-29 08:00:00", 2.0, "2025-09-03 17:00:00")] // 01–02/09
    [InlineData("2027-02-04 13:30:00", 1.5, "2027-02-12 17:00:00")] // Tết 2027 with two compensation days
    public void Deadlines_skip_holidays(string start, double days, string expected)
    {
        var deadline = calendar.AddWorkingDays(Hanoi(start), (decimal)days);

        Assert.Equal(Hanoi(expected), deadline);
    }

    [Fact]
    public void The_deadline_is_the_same_instant_whatever_offset_the_submission_carries()
    {
        var hanoi = Hanoi("2025-03-03 10:00:00");

        var fromUtc = calendar.AddWorkingDays(hanoi.ToUniversalTime(), 2);

        Assert.Equal(calendar.AddWorkingDays(hanoi, 2), fromUtc);
    }

    [Fact]
    public void Negative_days_are_a_caller_error()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => calendar.AddWorkingDays(Hanoi("2025-03-03 10:00:00"), -1));
    }

    [Theory]
    [InlineData("2025-03-03 08:00:00", "2025-03-04 17:00:00", 2.0)]
    [InlineData("2025-03-07 15:15:00", "2025-03-10 10:00:00", 0.5)]
    [InlineData("2025-03-08 08:00:00", "2025-03-09 17:00:00", 0.0)]
    [InlineData("2025-03-03 12:00:00", "2025-03-03 13:30:00", 0.0)]
    [InlineData("2026-02-13 08:00:00", "2026-02-23 17:00:00", 2.0)]
    [InlineData("2025-03-04 17:00:00", "2025-03-03 08:00:00", -2.0)]
    public void Working_days_between_count_only_office_time(string from, string to, double expected)
    {
        var days = calendar.WorkingDaysBetween(Hanoi(from), Hanoi(to));

        Assert.Equal((decimal)expected, days);
    }

    [Theory]
    [InlineData("2025-03-03 09:17:00", 0.5)]
    [InlineData("2025-03-05 14:02:00", 3.0)]
    [InlineData("2025-12-30 16:10:00", 7.5)]
    [InlineData("2026-02-12 11:00:00", 10.0)]
    public void Counting_back_a_deadline_gives_the_days_added(string start, double days)
    {
        var from = Hanoi(start);

        var deadline = calendar.AddWorkingDays(from, (decimal)days);

        Assert.Equal((decimal)days, Math.Round(calendar.WorkingDaysBetween(from, deadline), 3));
    }

    [Fact]
    public void A_pause_moves_the_deadline_by_the_office_time_stopped()
    {
        var due = Hanoi("2025-03-05 17:00:00");

        var extended = calendar.ExtendForPause(due, Hanoi("2025-03-03 08:00:00"), Hanoi("2025-03-04 12:00:00"));

        Assert.Equal(Hanoi("2025-03-07 12:00:00"), extended);
    }

    [Fact]
    public void A_pause_outside_office_hours_leaves_the_deadline_alone()
    {
        var due = Hanoi("2025-03-05 17:00:00");

        var extended = calendar.ExtendForPause(due, Hanoi("2025-03-07 17:00:00"), Hanoi("2025-03-10 08:00:00"));

        Assert.Equal(due, extended);
    }

    [Fact]
    public void A_pause_given_as_working_days_extends_across_a_holiday()
    {
        var due = Hanoi("2025-04-29 17:00:00");

        var extended = calendar.ExtendForPause(due, 1.5m);

        Assert.Equal(Hanoi("2025-05-05 12:00:00"), extended);
    }

    [Fact]
    public void Next_working_instant_of_a_holiday_evening_is_the_next_working_morning()
    {
        var start = calendar.NextWorkingInstant(Hanoi("2025-04-30 20:00:00"));

        Assert.Equal(Hanoi("2025-05-02 08:00:00"), start);
    }
}
