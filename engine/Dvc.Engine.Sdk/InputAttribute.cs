namespace Dvc.Engine.Sdk;

/// <summary>
/// Marks a public settable property as an activity input. The engine evaluates the input's expression from the
/// workflow JSON (camelCase property name) and assigns the converted value before
/// <see cref="ActivityBase.ExecuteAsync"/> runs.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class InputAttribute : Attribute
{
    /// <summary>The designer editor to use; one of <see cref="UiHints"/>.</summary>
    public string UiHint { get; set; } = UiHints.SingleLine;

    /// <summary>The English label; defaults to the property name.</summary>
    public string? DisplayName { get; set; }

    /// <summary>The Vietnamese label.</summary>
    public string? DisplayNameVi { get; set; }

    /// <summary>What the input means, shown as help in the designer.</summary>
    public string? Description { get; set; }

    /// <summary>Sort key in the designer's property panel.</summary>
    public int Order { get; set; }

    /// <summary>The value used when the workflow JSON does not set the input.</summary>
    public object? DefaultValue { get; set; }

    /// <summary>
    /// True when the input is stored as plain JSON on the activity (like Elsa's <c>FlowSwitch.cases</c>) rather than
    /// as a wrapped expression <c>{ "typeName", "expression": { "type", "value" } }</c>.
    /// </summary>
    public bool IsPlain { get; set; }
}
