namespace Dvc.Engine.Core.Workflows.Model;

/// <summary>
/// A declared workflow input or output (<c>inputs[]</c>/<c>outputs[]</c> of the definition): <c>{ name, type, isArray,
/// displayName, description }</c>. A sub-workflow's inputs and outputs are those of the activity that calls it.
/// </summary>
/// <param name="Name">The name as declared (<c>Message</c>, <c>Input1</c>).</param>
/// <param name="TypeName">The Elsa type alias (<c>String</c>, <c>Int32</c>, <c>Object</c>).</param>
/// <param name="IsArray">True for a list of <paramref name="TypeName"/>.</param>
/// <param name="DisplayName">The label the designer shows, the name when absent.</param>
/// <param name="Description">Help text, if any.</param>
public sealed record WorkflowArgument(string Name, string TypeName, bool IsArray, string DisplayName, string? Description)
{
    /// <summary>The type to convert a value to, arrays included.</summary>
    public string ConversionType => IsArray ? TypeName + "[]" : TypeName;
}
