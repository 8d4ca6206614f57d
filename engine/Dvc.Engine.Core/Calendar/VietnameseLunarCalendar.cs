namespace Dvc.Engine.Core.Calendar;

/// <summary>
/// Converts between Gregorian and Vietnamese lunar dates with the astronomical method published by Hồ Ngọc Đức
/// (new moons and solar terms from Meeus' series, days counted at the UTC+7 meridian).
/// </summary>
/// <remarks>
/// Why not <see cref="System.Globalization.ChineseLunisolarCalendar"/>: it counts days at UTC+8, so a new moon that
/// falls between 23:00 and 24:00 Hanoi time starts a month one day later there (Tết 1985 and 2007 differ by a day or a
/// month). Hanoi's holidays follow the UTC+7 calendar. Valid for years 1800–2199, far beyond any SLA.
/// </remarks>
public static class VietnameseLunarCalendar
{
    private const double TimeZoneHours = 7.0;
    private const double SynodicMonth = 29.530588853;
    // Julian day of the new moon of 1900-01-01, the epoch of the new-moon series below.
    private const double EpochNewMoon = 2415021.076998695;
    // Julian day number of 0001-01-01 (proleptic Gregorian), so DateOnly.DayNumber maps to Julian day numbers.
    private const int JulianDayOfDayNumberZero = 1721426;

    /// <summary>The Gregorian date of a lunar date. Throws for a leap month the year does not have (a caller bug).</summary>
    public static DateOnly ToSolar(LunarDate lunar)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lunar.Month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lunar.Month, 12);
        ArgumentOutOfRangeException.ThrowIfLessThan(lunar.Day, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lunar.Day, 30);

        int a11, b11;
        if (lunar.Month < 11)
        {
            a11 = LunarMonth11(lunar.Year - 1);
            b11 = LunarMonth11(lunar.Year);
        }
        else
        {
            a11 = LunarMonth11(lunar.Year);
            b11 = LunarMonth11(lunar.Year + 1);
        }

        var k = (int)Math.Floor(0.5 + (a11 - EpochNewMoon) / SynodicMonth);
        var offset = lunar.Month - 11;
        if (offset < 0)
        {
            offset += 12;
        }

        if (b11 - a11 > 365)
        {
            var leapOffset = LeapMonthOffset(a11);
            var leapMonth = leapOffset - 2;
            if (leapMonth < 0)
            {
                leapMonth += 12;
            }

            if (lunar.IsLeapMonth && lunar.Month != leapMonth)
            {
                throw new ArgumentException($"Lunar year {lunar.Year} has no leap month {lunar.Month}.", nameof(lunar));
            }

            if (lunar.IsLeapMonth || offset >= leapOffset)
            {
                offset += 1;
            }
        }
        else if (lunar.IsLeapMonth)
        {
            throw new ArgumentException($"Lunar year {lunar.Year} has no leap month.", nameof(lunar));
        }

        var monthStart = NewMoonDay(k + offset);
        return FromJulianDay(monthStart + lunar.Day - 1);
    }

    /// <summary>The lunar date of a Gregorian date.</summary>
    public static LunarDate FromSolar(DateOnly date)
    {
        var dayNumber = ToJulianDay(date);
        var k = (int)Math.Floor((dayNumber - EpochNewMoon) / SynodicMonth);
        var monthStart = NewMoonDay(k + 1);
        if (monthStart > dayNumber)
        {
            monthStart = NewMoonDay(k);
        }

        var a11 = LunarMonth11(date.Year);
        var b11 = a11;
        int lunarYear;
        if (a11 >= monthStart)
        {
            lunarYear = date.Year;
            a11 = LunarMonth11(date.Year - 1);
        }
        else
        {
            lunarYear = date.Year + 1;
            b11 = LunarMonth11(date.Year + 1);
        }

        var day = dayNumber - monthStart + 1;
        var diff = (int)Math.Floor((monthStart - a11) / 29.0);
        var isLeap = false;
        var month = diff + 11;
        if (b11 - a11 > 365)
        {
            var leapDiff = LeapMonthOffset(a11);
            if (diff >= leapDiff)
            {
                month = diff + 10;
                isLeap = diff == leapDiff;
            }
        }

        if (month > 12)
        {
            month -= 12;
        }

        if (month >= 11 && diff < 4)
        {
            lunarYear -= 1;
        }

        return new LunarDate(lunarYear, month, day, isLeap);
    }

    /// <summary>The first day of lunar year <paramref name="lunarYear"/> (mùng 1 Tết) in the Gregorian calendar.</summary>
    public static DateOnly NewYear(int lunarYear) => ToSolar(new LunarDate(lunarYear, 1, 1));

    private static int ToJulianDay(DateOnly date) => date.DayNumber + JulianDayOfDayNumberZero;

    private static DateOnly FromJulianDay(int julianDay) => DateOnly.FromDayNumber(julianDay - JulianDayOfDayNumberZero);

    /// <summary>Julian day (fractional, UT) of the k-th new moon after 1900-01-01.</summary>
    private static double NewMoon(int k)
    {
        var t = k / 1236.85;
        var t2 = t * t;
        var t3 = t2 * t;
        const double dr = Math.PI / 180;
        var jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3;
        jd1 += 0.00033 * Math.Sin((166.56 + 132.87 * t - 0.009173 * t2) * dr);
        var m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
        var mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
        var f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;
        var c1 = (0.1734 - 0.000393 * t) * Math.Sin(m * dr) + 0.0021 * Math.Sin(2 * dr * m);
        c1 = c1 - 0.4068 * Math.Sin(mpr * dr) + 0.0161 * Math.Sin(dr * 2 * mpr);
        c1 -= 0.0004 * Math.Sin(dr * 3 * mpr);
        c1 = c1 + 0.0104 * Math.Sin(dr * 2 * f) - 0.0051 * Math.Sin(dr * (m + mpr));
        c1 = c1 - 0.0074 * Math.Sin(dr * (m - mpr)) + 0.0004 * Math.Sin(dr * (2 * f + m));
        c1 = c1 - 0.0004 * Math.Sin(dr * (2 * f - m)) - 0.0006 * Math.Sin(dr * (2 * f + mpr));
        c1 = c1 + 0.0010 * Math.Sin(dr * (2 * f - mpr)) + 0.0005 * Math.Sin(dr * (2 * mpr + m));
        var deltaT = t < -11
            ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
            : -0.000278 + 0.000265 * t + 0.000262 * t2;
        return jd1 + c1 - deltaT;
    }

    /// <summary>The local (UTC+7) Julian day number on which the k-th new moon falls.</summary>
    private static int NewMoonDay(int k) => (int)Math.Floor(NewMoon(k) + 0.5 + TimeZoneHours / 24);

    /// <summary>The sun's apparent longitude in radians at a Julian day (fractional, UT).</summary>
    private static double SunLongitude(double julianDay)
    {
        var t = (julianDay - 2451545.0) / 36525;
        var t2 = t * t;
        const double dr = Math.PI / 180;
        var m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
        var l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
        var dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * Math.Sin(dr * m);
        dl = dl + (0.019993 - 0.000101 * t) * Math.Sin(dr * 2 * m) + 0.000290 * Math.Sin(dr * 3 * m);
        var l = (l0 + dl) * dr;
        return l - Math.PI * 2 * Math.Floor(l / (Math.PI * 2));
    }

    /// <summary>Which of the 12 major solar terms (0–11, 30° each) the sun is in at the start of a local day.</summary>
    private static int SolarTermSector(int julianDay) =>
        (int)Math.Floor(SunLongitude(julianDay - 0.5 - TimeZoneHours / 24) / Math.PI * 6);

    /// <summary>The start of the 11th lunar month (the one containing the winter solstice) of a Gregorian year.</summary>
    private static int LunarMonth11(int year)
    {
        var offset = ToJulianDay(new DateOnly(year, 12, 31)) - 2415021;
        var k = (int)Math.Floor(offset / SynodicMonth);
        var newMoon = NewMoonDay(k);
        if (SolarTermSector(newMoon) >= 9)
        {
            newMoon = NewMoonDay(k - 1);
        }

        return newMoon;
    }

    /// <summary>In a 13-month year starting at <paramref name="a11"/>, the offset of the first month without a major solar term.</summary>
    private static int LeapMonthOffset(int a11)
    {
        var k = (int)Math.Floor((a11 - EpochNewMoon) / SynodicMonth + 0.5);
        var i = 1;
        var arc = SolarTermSector(NewMoonDay(k + i));
        int last;
        do
        {
            last = arc;
            i++;
            arc = SolarTermSector(NewMoonDay(k + i));
        }
        while (arc != last && i < 14);

        return i - 1;
    }
}
