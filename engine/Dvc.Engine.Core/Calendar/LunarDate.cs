namespace Dvc.Engine.Core.Calendar;

/// <summary>A date of the Vietnamese lunisolar calendar. <see cref="IsLeapMonth"/> marks the repeated (intercalary) month.</summary>
public readonly record struct LunarDate(int Year, int Month, int Day, bool IsLeapMonth = false)
{
    public override string ToString() =>
        $"{Day:00}/{Month:00}{(IsLeapMonth ? " (nhuận)" : string.Empty)}/{Year}";
}
