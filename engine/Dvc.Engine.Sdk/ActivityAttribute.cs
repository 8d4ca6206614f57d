namespace Dvc.Engine.Sdk;

/// <summary>
/// Declares a class as a workflow activity and names it in the workflow JSON.
/// The designer palette is built from this metadata, so every text a user sees lives here.
/// </summary>
/// <example><c>[Activity("Sample.Stamp", Category = "Samples", DisplayName = "Stamp", DisplayNameVi = "Đóng dấu")]</c></example>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ActivityAttribute : Attribute
{
    /// <summary>Creates the attribute for the activity type name used in the workflow JSON.</summary>
    /// <param name="type">The activity type name as it appears in the <c>type</c> field, e.g. <c>Sample.Stamp</c>.</param>
    public ActivityAttribute(string type)
    {
        Type = type;
    }

    /// <summary>The activity type name as written in the workflow JSON (<c>"type": "Sample.Stamp"</c>).</summary>
    public string Type { get; }

    /// <summary>The palette group, e.g. <c>Payments</c>.</summary>
    public string Category { get; set; } = "Miscellaneous";

    /// <summary>The English display name; defaults to the part of <see cref="Type"/> after the last dot.</summary>
    public string? DisplayName { get; set; }

    /// <summary>The Vietnamese display name, with full diacritics; defaults to <see cref="DisplayName"/>.</summary>
    public string? DisplayNameVi { get; set; }

    /// <summary>A one-sentence description shown in the designer.</summary>
    public string? Description { get; set; }

    /// <summary>An icon name for the designer palette (a Material icon name such as <c>approval</c>).</summary>
    public string? Icon { get; set; }
}
