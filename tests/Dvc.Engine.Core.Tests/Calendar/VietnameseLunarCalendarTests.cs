using System.Globalization;
using Dvc.Engine.Core.Calendar;

namespace Dvc.Engine.Core.Tests.Calendar;

public sealed class VietnameseLunarCalendarTests
{
    [Theory]
    [InlineData(2020, "2020-01-25")]
    [InlineData(2021, "2021-02-12")]
    [InlineData(2022, "2022-02-01")]
    [InlineData(2023, "2023-01-22")]
    [InlineData(2024, "2024-02-10")]
    [InlineData(2025, "2025-01-29")]
    [InlineData(2026, "2026-02-17")]
    [InlineData(2027, "2027-02-06")]
    [InlineData(2028, "2028-01-26")]
    [InlineData(2029, "2029-02-13")]
    [InlineData(2030, "2030-02-02")]
    [InlineData(2031, "2031-01-23")]
    [InlineData(2032, "2032-02-11")]
    [InlineData(2033, "2033-01-31")]
    [InlineData(2034, "2034-02-19")]
    [InlineData(2035, "2035-02-08")]
    public void Lunar_new_year_falls_on_the_published_date(int lunarYear, string expected)
    {
        var newYear = VietnameseLunarCalendar.NewYear(lunarYear);

        Assert.Equal(DateOnly.Parse(expected, CultureInfo.InvariantCulture), newYear);
    }

    [Theory]
    [InlineData(1985, "1985-01-21")]
    [InlineData(2007, "2007-02-17")]
    [InlineData(2030, "2030-02-02")]
    public void Tet_follows_the_UTC_plus_7_meridian_where_the_Chinese_calendar_differs(int lunarYear, string expected)
    {
        var chinese = new ChineseLunisolarCalendar();
        var chineseNewYear = DateOnly.FromDateTime(chinese.ToDateTime(lunarYear, 1, 1, 0, 0, 0, 0));

        var newYear = VietnameseLunarCalendar.NewYear(lunarYear);

        Assert.Equal(DateOnly.Parse(expected, CultureInfo.InvariantCulture), newYear);
        Assert.NotEqual(chineseNewYear, newYear);
    }

    [Fact]
    public void From_2020_to_2035_only_Tet_2030_differs_from_the_Chinese_calendar()
    {
        var chinese = new ChineseLunisolarCalendar();

        var differing = Enumerable.Range(2020, 16)
            .Where(year => DateOnly.FromDateTime(chinese.ToDateTime(year, 1, 1, 0, 0, 0, 0)) != VietnameseLunarCalendar.NewYear(year));

        Assert.Equal([2030], differing);
    }

    [Theory]
    [InlineData(2023, "2023-04-29")]
    [InlineData(2024, "2024-04-18")]
    [InlineData(2025, "2025-04-07")]
    [InlineData(2026, "2026-04-26")]
    [InlineData(2027, "2027-04-16")]
    public void Hung_Kings_day_is_the_tenth_of_the_third_lunar_month(int lunarYear, string expected)
    {
        var date = VietnameseLunarCalendar.ToSolar(new LunarDate(lunarYear, 3, 10));

        Assert.Equal(DateOnly.Parse(expected, CultureInfo.InvariantCulture), date);
    }

    [Theory]
    [InlineData(2023, 2, "2023-03-22")]
    [InlineData(2025, 6, "2025-07-25")]
    public void A_leap_month_starts_after_its_namesake(int lunarYear, int month, string expected)
    {
        var leapStart = VietnameseLunarCalendar.ToSolar(new LunarDate(lunarYear, month, 1, IsLeapMonth: true));

        Assert.Equal(DateOnly.Parse(expected, CultureInfo.InvariantCulture), leapStart);
        Assert.Equal(new LunarDate(lunarYear, month, 1, true), VietnameseLunarCalendar.FromSolar(leapStart));
    }

    [Fact]
    public void A_leap_month_the_year_does_not_have_is_a_caller_error()
    {
        Assert.Throws<ArgumentException>(() => VietnameseLunarCalendar.ToSolar(new LunarDate(2026, 5, 1, IsLeapMonth: true)));
    }

    [Fact]
    public void Every_day_from_2020_to_2035_converts_to_lunar_and_back()
    {
        var mismatches = new List<string>();

        for (var day = new DateOnly(2020, 1, 1); day <= new DateOnly(2035, 12, 31); day = day.AddDays(1))
        {
            var lunar = VietnameseLunarCalendar.FromSolar(day);
            if (VietnameseLunarCalendar.ToSolar(lunar) != day)
            {
                mismatches.Add($"{day:dd/MM/yyyy} -> {lunar}");
            }
        }

        Assert.Empty(mismatches);
    }

    [Fact]
    public void The_day_before_Tet_is_the_last_day_of_the_old_lunar_year()
    {
        var lastDay = VietnameseLunarCalendar.FromSolar(new DateOnly(2025, 1, 28));

        Assert.Equal(new LunarDate(2024, 12, 29), lastDay);
    }
}
