namespace Dvc.Designer.Forms;

/// <summary>
/// A field as the builder lists it. <see cref="Path"/> names it by property names from the root, <c>*</c> stepping into
/// the items of a repeating group (<c>children/*/name</c>); sub-fields of a shared fragment carry
/// <see cref="FragmentOwner"/>, the path of the field that references the fragment, and are changed through overrides.
/// </summary>
public sealed record FieldNode(
    string Name,
    string Path,
    FieldKind Kind,
    string LabelVi,
    string LabelEn,
    bool Required,
    IReadOnlyList<FieldNode> Children,
    string? FragmentOwner = null,
    bool Hidden = false,
    bool Conditional = false)
{
    public bool IsContainer => Kind is FieldKind.Group or FieldKind.Repeat;

    public bool IsFragment => Kind is FieldKind.Applicant or FieldKind.Address;

    public bool InFragment => FragmentOwner is not null;

    public IEnumerable<FieldNode> Flatten() => Children.SelectMany(c => c.Flatten()).Prepend(this);
}
