namespace Dvc.Engine.Server.Forms;

/// <summary>
/// The administrative units behind the cascading address widgets (<c>x-ui.units</c>, <c>unitsVersion</c>,
/// <c>valueField</c>). A seam because units are versioned data that change by decree; the form only needs options.
/// </summary>
internal interface IAdministrativeUnits
{
    /// <summary>Options for a <c>district</c> or <c>ward</c> widget; null when the file or version is unknown.</summary>
    UnitOptions? Options(string file, string? version, string widget, string valueField);
}
