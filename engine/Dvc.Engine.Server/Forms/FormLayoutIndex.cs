using System.Text.RegularExpressions;

namespace Dvc.Engine.Server.Forms;

/// <summary>Finds the rendered field behind a pointer (with concrete array indexes), and the pointers an officer can name.</summary>
internal static partial class FormLayoutIndex
{
    public static bool Contains(FormLayout layout, string pointer) => FieldAt(layout, pointer) is not null;

    /// <summary>The field a pointer with concrete indexes points at, or null.</summary>
    public static FormField? FieldAt(FormLayout? layout, string pointer)
    {
        var pattern = Indexes().Replace(pointer, "/{i}");
        return Walk(layout?.AllFields ?? []).FirstOrDefault(f => f.Pointer == pattern);
    }

    /// <summary>
    /// Pointers an officer can name in a supplement request: every field outside repeating groups (a group's own
    /// pointer included), and each repeating group as a whole.
    /// </summary>
    public static IEnumerable<string> Nameable(FormLayout layout) => NameableFields(layout).Select(f => f.Pointer);

    /// <summary>The fields behind <see cref="Nameable"/>, in form order.</summary>
    public static IEnumerable<FormField> NameableFields(FormLayout layout) =>
        Walk(layout.AllFields).Where(f => !f.Pointer.Contains("{i}", StringComparison.Ordinal));

    /// <summary>Every field with the fields of its groups and repeating groups, depth first in form order.</summary>
    public static IEnumerable<FormField> Walk(IEnumerable<FormField> fields) =>
        fields.SelectMany(f => new[] { f }.Concat(Walk(f.Children)));

    [GeneratedRegex(@"/\d+(?=/|$)")]
    private static partial Regex Indexes();
}
