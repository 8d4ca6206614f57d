using System.Globalization;

namespace Dvc.Engine.Core.Calendar;

/// <summary>
/// A deadline as people read it, in Hanoi time: "trước 24:00 ngày 20/12/2026" / "by 24:00 on 20/12/2026". A period
/// that ends at midnight (<see cref="WorkingCalendar.PeriodEnd"/>) is written as 24:00 of its last day, never as
/// 00:00 of the next, so the date shown is the last day the citizen still has.
/// </summary>
public static class DeadlineText
{
    /// <summary>The last local day on which the deadline can still be met.</summary>
    public static DateOnly LastDay(DateTimeOffset due)
    {
        var local = due.ToOffset(WorkingCalendar.UtcOffset);
        var date = DateOnly.FromDateTime(local.DateTime);
        return local.TimeOfDay == TimeSpan.Zero ? date.AddDays(-1) : date;
    }

    /// <summary>"24:00", or the local hour and minute.</summary>
    public static string Time(DateTimeOffset due)
    {
        var local = due.ToOffset(WorkingCalendar.UtcOffset);
        return local.TimeOfDay == TimeSpan.Zero ? "24:00" : local.ToString("HH:mm", CultureInfo.InvariantCulture);
    }

    /// <summary>The whole phrase in Vietnamese, or in English when <paramref name="english"/>.</summary>
    public static string Format(DateTimeOffset due, bool english)
    {
        var day = LastDay(due).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        return english ? $"by {Time(due)} on {day}" : $"trước {Time(due)} ngày {day}";
    }
}
