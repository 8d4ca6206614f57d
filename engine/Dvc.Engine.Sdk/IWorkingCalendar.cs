namespace Dvc.Engine.Sdk;

/// <summary>
/// The host's working-day calendar (weekends and Vietnamese public holidays, lunar Tết included), for activities that
/// state deadlines in working days. Resolve it from <see cref="ActivityContext.Services"/>; a host without one (the
/// <c>dvc</c> command line's simulations may lack it) means counting calendar days.
/// </summary>
public interface IWorkingCalendar
{
    /// <summary>The moment <paramref name="days"/> working days after <paramref name="start"/> (halves allowed).</summary>
    /// <param name="start">Where counting starts.</param>
    /// <param name="days">Working days, 0.5 steps.</param>
    DateTimeOffset AddWorkingDays(DateTimeOffset start, decimal days);
}
