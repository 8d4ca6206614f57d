namespace Dvc.Engine.Core.Calendar;

/// <summary>
/// The year's government decisions on top of the statute, as data: next year's Tết or 02/09 schedule is one edit
/// in configuration (section <see cref="Section"/>), never a release.
/// </summary>
/// <example>
/// Tết 2025 (decision of the Prime Minister): Monday 27/01 off, made up on Saturday 08/02:
/// <c>"ExtraDaysOff": ["2025-01-27"], "ExtraWorkingDays": ["2025-02-08"]</c>.
/// </example>
public sealed class WorkingCalendarOptions
{
    public const string Section = "Dvc:Calendar";

    /// <summary>Days off beyond the statute (bridge days, extra Tết days).</summary>
    public List<DateOnly> ExtraDaysOff { get; set; } = [];

    /// <summary>
    /// Days that are working days whatever the rules say: make-up Saturdays, or a computed compensation day that a
    /// decision moved elsewhere. Wins over every other rule.
    /// </summary>
    public List<DateOnly> ExtraWorkingDays { get; set; } = [];

    /// <summary>The day paired with 02/09 (01/09 or 03/09) where the decision differs from the usual bridge choice.</summary>
    public List<DateOnly> NationalDayAdjacentDays { get; set; } = [];

    /// <summary>Art. 111(3) of the Labour Code: a holiday on a weekend is made up on the next working day.</summary>
    public bool CompensateWeekendHolidays { get; set; } = true;
}
