namespace Dvc.Engine.Sdk;

/// <summary>
/// Declares the outcome ports an activity can complete with. A workflow connection that leaves the activity from
/// a port not listed here is a compile error. Without this attribute an activity has the single outcome <c>Done</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class OutcomesAttribute : Attribute
{
    /// <summary>Declares the outcome names, in the order the designer shows the ports.</summary>
    /// <param name="outcomes">The outcome names, e.g. <c>"Paid", "Failed", "Expired"</c>.</param>
    public OutcomesAttribute(params string[] outcomes)
    {
        Outcomes = outcomes;
    }

    /// <summary>The outcome names.</summary>
    public IReadOnlyList<string> Outcomes { get; }

    /// <summary>
    /// When set, the outcomes are read from this plain string-array property of the activity's JSON instead
    /// (a human task lists its own outcomes); <see cref="Outcomes"/> is then only the designer's default.
    /// </summary>
    public string? FromProperty { get; set; }
}
