namespace Dvc.Engine.Server.Forms;

/// <summary>A generated form: its sections (from root <c>x-ui.sections</c>, or one untitled section) of fields.</summary>
internal sealed record FormLayout(IReadOnlyList<FormSection> Sections)
{
    public IEnumerable<FormField> AllFields => Sections.SelectMany(s => s.Fields);

    /// <summary>
    /// The same form limited to the fields at <paramref name="pointers"/> (a group or repeating group whole) and the
    /// groups around them, in form order; the whole form when <paramref name="pointers"/> is empty.
    /// </summary>
    public FormLayout Only(IReadOnlyCollection<string> pointers) =>
        pointers.Count == 0 ? this : new([.. Sections.Select(s => s with { Fields = Keep(s.Fields, pointers) }).Where(s => s.Fields.Count > 0)]);

    private static List<FormField> Keep(IEnumerable<FormField> fields, IReadOnlyCollection<string> pointers) =>
    [
        .. fields.Select(f =>
            pointers.Any(p => f.Pointer == p || f.Pointer.StartsWith(p + "/", StringComparison.Ordinal)) ? f
            : f.IsGroup && pointers.Any(p => p.StartsWith(f.Pointer + "/", StringComparison.Ordinal)) ? f with { Children = Keep(f.Children, pointers) }
            : null).OfType<FormField>(),
    ];
}
