namespace Dvc.Engine.Server.Forms;

/// <summary>
/// The district → ward list behind the cascading address widgets. A seam because units are data that change by
/// decree (definitions/shared); the form reader only needs the options.
/// </summary>
internal interface IAdministrativeUnits
{
    IReadOnlyList<FormOption> Districts { get; }

    /// <summary>Every ward with <see cref="FormOption.Parent"/> set to its district's value.</summary>
    IReadOnlyList<FormOption> Wards { get; }
}
