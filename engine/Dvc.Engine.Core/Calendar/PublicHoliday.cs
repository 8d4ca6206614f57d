namespace Dvc.Engine.Core.Calendar;

/// <summary>
/// One day off by law. <see cref="Key"/> is stable (<c>new-year</c>, <c>tet</c>, <c>hung-kings</c>, <c>reunification</c>,
/// <c>labour</c>, <c>national-day</c>); a compensation day carries the key of the holiday it makes up for and
/// <see cref="IsCompensation"/> = true.
/// </summary>
public sealed record PublicHoliday(DateOnly Date, string Key, string NameVi, string NameEn, bool IsCompensation = false);
