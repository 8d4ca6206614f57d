using System.Collections;

namespace Dvc.Engine.Core.Rules.Functions;

/// <summary>
/// Named <c>Dvc</c> because expressions call it as <c>Dvc.Age(…)</c> (System.Linq.Dynamic.Core resolves custom types by
/// simple name). It lives in its own namespace so the name never shadows the root namespace <c>Dvc</c> elsewhere;
/// other code refers to it through an alias (<c>using DvcFunctions = Dvc.Engine.Core.Rules.Functions.Dvc;</c>).
/// The only helper type rule expressions may call (besides System.Math and the LINQ operators), as <c>Dvc.Age(…)</c>.
/// Null-safe: a blank field gives null, and comparisons with null are false, so a rule on a missing value fails.
/// </summary>
public static class Dvc
{
    /// <summary>Full years between <paramref name="birthDate"/> and <paramref name="on"/> (the birthday itself counts).</summary>
    public static int? Age(DateTime? birthDate, DateTime? on)
    {
        if (birthDate is not { } birth || on is not { } day)
        {
            return null;
        }

        var years = day.Year - birth.Year;
        if (day.Month < birth.Month || (day.Month == birth.Month && day.Day < birth.Day))
        {
            years--;
        }

        return years;
    }

    /// <summary>Calendar days from <paramref name="from"/> to <paramref name="to"/> (negative when <paramref name="to"/> is earlier).</summary>
    public static int? DaysBetween(DateTime? from, DateTime? to) =>
        from is { } a && to is { } b ? (int)(b.Date - a.Date).TotalDays : null;

    /// <summary>Number of items of a repeated field; 0 when it is blank.</summary>
    public static int Count(IEnumerable? items)
    {
        if (items is null)
        {
            return 0;
        }

        if (items is ICollection collection)
        {
            return collection.Count;
        }

        var count = 0;
        foreach (var unused in items)
        {
            count++;
        }

        return count;
    }
}
