namespace Dvc.Engine.Core.Calendar;

/// <summary>
/// The public holidays of the 2019 Labour Code, art. 112 (11 days a year), and the compensation rule of art. 111(3):
/// a holiday that falls on the weekly rest day is made up on the next working day.
/// </summary>
/// <remarks>
/// The Prime Minister fixes the exact Tết and National Day days each year and often swaps a bridge day with a make-up
/// Saturday; those decisions are data in <see cref="WorkingCalendarOptions"/>, this class only knows the statute.
/// </remarks>
public static class VietnamesePublicHolidays
{
    /// <summary>Every statutory holiday of a Gregorian year plus its compensation days, in date order.</summary>
    /// <param name="year">Gregorian year.</param>
    /// <param name="nationalDayAdjacent">The day the government pairs with 02/09 (01/09 or 03/09); null = the usual choice.</param>
    /// <param name="compensateWeekends">Whether a holiday on Saturday or Sunday gives a day off on the next working day.</param>
    public static IReadOnlyList<PublicHoliday> ForYear(int year, DateOnly? nationalDayAdjacent = null, bool compensateWeekends = true)
    {
        var statutory = new List<PublicHoliday>
        {
            new(new DateOnly(year, 1, 1), "new-year", "Tết Dương lịch", "New Year's Day"),
        };

        // Tết: the last day of the old lunar year and the first four days of the new one.
        var tet = VietnameseLunarCalendar.NewYear(year);
        for (var offset = -1; offset <= 3; offset++)
        {
            statutory.Add(new(tet.AddDays(offset), "tet", "Tết Nguyên đán", "Lunar New Year (Tết)"));
        }

        statutory.Add(new(VietnameseLunarCalendar.ToSolar(new LunarDate(year, 3, 10)), "hung-kings", "Giỗ Tổ Hùng Vương", "Hùng Kings' Commemoration Day"));
        statutory.Add(new(new DateOnly(year, 4, 30), "reunification", "Ngày Chiến thắng", "Reunification Day"));
        statutory.Add(new(new DateOnly(year, 5, 1), "labour", "Ngày Quốc tế Lao động", "International Labour Day"));

        var nationalDay = new DateOnly(year, 9, 2);
        var adjacent = nationalDayAdjacent ?? UsualNationalDayAdjacent(nationalDay);
        if (adjacent != nationalDay.AddDays(-1) && adjacent != nationalDay.AddDays(1))
        {
            throw new ArgumentException($"The day paired with National Day must be 01/09 or 03/09/{year}, not {adjacent:dd/MM/yyyy}.", nameof(nationalDayAdjacent));
        }

        statutory.Add(new(nationalDay, "national-day", "Quốc khánh", "National Day"));
        statutory.Add(new(adjacent, "national-day", "Quốc khánh", "National Day"));
        statutory.Sort((a, b) => a.Date.CompareTo(b.Date));

        return compensateWeekends ? WithCompensation(statutory) : statutory;
    }

    /// <summary>
    /// The government's habit since 2021: pick the neighbour of 02/09 that bridges to the weekend
    /// (2021: 03/09, 2022: 01/09, 2023: 01/09, 2024: 03/09, 2025: 01/09).
    /// </summary>
    private static DateOnly UsualNationalDayAdjacent(DateOnly nationalDay) => nationalDay.DayOfWeek switch
    {
        DayOfWeek.Monday or DayOfWeek.Thursday or DayOfWeek.Sunday => nationalDay.AddDays(1),
        _ => nationalDay.AddDays(-1),
    };

    private static List<PublicHoliday> WithCompensation(List<PublicHoliday> statutory)
    {
        var taken = statutory.Select(h => h.Date).ToHashSet();
        var result = new List<PublicHoliday>(statutory);
        foreach (var holiday in statutory.Where(h => IsWeekend(h.Date)))
        {
            var day = holiday.Date.AddDays(1);
            while (IsWeekend(day) || taken.Contains(day))
            {
                day = day.AddDays(1);
            }

            taken.Add(day);
            result.Add(holiday with { Date = day, NameVi = $"Nghỉ bù {holiday.NameVi}", NameEn = $"{holiday.NameEn} (compensation)", IsCompensation = true });
        }

        result.Sort((a, b) => a.Date.CompareTo(b.Date));
        return result;
    }

    internal static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
}
