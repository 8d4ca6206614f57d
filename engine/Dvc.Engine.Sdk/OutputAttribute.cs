namespace Dvc.Engine.Sdk;

/// <summary>
/// Marks a public property as an activity output. After the activity runs, a non-null value of the property is
/// stored as the activity's output and written to the variable or workflow output its JSON
/// <c>memoryReference</c> names.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class OutputAttribute : Attribute
{
    /// <summary>The English label; defaults to the property name.</summary>
    public string? DisplayName { get; set; }

    /// <summary>What the output holds.</summary>
    public string? Description { get; set; }
}
