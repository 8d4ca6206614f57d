using System.Globalization;
using Dvc.Engine.Core.Calendar;

namespace Dvc.Engine.Core.Tests.Calendar;

public sealed class VietnamesePublicHolidaysTests
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, CultureInfo.InvariantCulture);

    private static IEnumerable<DateOnly> Dates(params string[] isos) => isos.Select(D);

    [Fact]
    public void Holidays_of_2025_follow_the_labour_code()
    {
        var holidays = VietnamesePublicHolidays.ForYear(2025);

        Assert.Equal(
            Dates("2025-01-01", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31", "2025-02-01", "2025-02-03",
                "2025-04-07", "2025-04-30", "2025-05-01", "2025-09-01", "2025-09-02"),
            holidays.Select(h => h.Date));
        Assert.True(holidays.Single(h => h.Date == D("2025-02-03")).IsCompensation);
    }

    [Fact]
    public void Hung_Kings_day_2026_on_a_Sunday_is_made_up_on_Monday()
    {
        var holidays = VietnamesePublicHolidays.ForYear(2026);

        var compensation = Assert.Single(holidays, h => h.IsCompensation);
        Assert.Equal(D("2026-04-27"), compensation.Date);
        Assert.Equal("hung-kings", compensation.Key);
    }

    [Fact]
    public void Tet_2026_is_the_five_days_from_the_last_day_of_the_old_year()
    {
        var tet = VietnamesePublicHolidays.ForYear(2026).Where(h => h.Key == "tet").Select(h => h.Date);

        Assert.Equal(Dates("2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20"), tet);
    }

    [Fact]
    public void Tet_2027_weekend_days_are_made_up_after_the_holiday_block()
    {
        var tet = VietnamesePublicHolidays.ForYear(2027).Where(h => h.Key == "tet").ToList();

        Assert.Equal(
            Dates("2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08", "2027-02-09"),
            tet.Where(h => !h.IsCompensation).Select(h => h.Date));
        Assert.Equal(Dates("2027-02-10", "2027-02-11"), tet.Where(h => h.IsCompensation).Select(h => h.Date));
    }

    [Theory]
    [InlineData(2021, "2021-09-03")]
    [InlineData(2022, "2022-09-01")]
    [InlineData(2023, "2023-09-01")]
    [InlineData(2024, "2024-09-03")]
    [InlineData(2025, "2025-09-01")]
    public void National_day_is_paired_with_the_neighbour_the_government_chose(int year, string adjacent)
    {
        var nationalDays = VietnamesePublicHolidays.ForYear(year).Where(h => h.Key == "national-day" && !h.IsCompensation);

        Assert.Contains(D(adjacent), nationalDays.Select(h => h.Date));
    }

    [Fact]
    public void National_day_2023_on_a_Saturday_is_made_up_on_Monday()
    {
        var compensation = VietnamesePublicHolidays.ForYear(2023).Where(h => h.Key == "national-day" && h.IsCompensation);

        Assert.Equal(Dates("2023-09-04"), compensation.Select(h => h.Date));
    }

    [Fact]
    public void Reunification_and_labour_day_on_a_weekend_are_made_up_on_the_next_two_working_days()
    {
        var compensation = VietnamesePublicHolidays.ForYear(2022).Where(h => h.IsCompensation && h.Key is "reunification" or "labour");

        Assert.Equal(Dates("2022-05-02", "2022-05-03"), compensation.Select(h => h.Date));
    }

    [Fact]
    public void Eleven_statutory_days_a_year()
    {
        for (var year = 2020; year <= 2035; year++)
        {
            Assert.Equal(11, VietnamesePublicHolidays.ForYear(year).Count(h => !h.IsCompensation));
        }
    }

    [Fact]
    public void A_national_day_neighbour_that_is_not_adjacent_is_a_caller_error()
    {
        Assert.Throws<ArgumentException>(() => VietnamesePublicHolidays.ForYear(2026, D("2026-09-04")));
    }
}
