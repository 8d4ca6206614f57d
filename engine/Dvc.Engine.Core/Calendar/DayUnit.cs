namespace Dvc.Engine.Core.Calendar;

/// <summary>
/// How a period declared in a workflow counts its days: <see cref="WorkingDays"/> on the dossier's working calendar
/// (weekends, public holidays and lunar Tết skipped), or <see cref="CalendarDays"/>. Written in the workflow JSON by
/// these names (<c>"daysUnit": "WorkingDays"</c>).
/// </summary>
public enum DayUnit
{
    CalendarDays,
    WorkingDays,
}
