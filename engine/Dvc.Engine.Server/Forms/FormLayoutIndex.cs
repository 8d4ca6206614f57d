using System.Text.RegularExpressions;

namespace Dvc.Engine.Server.Forms;

/// <summary>Answers whether an error pointer (with concrete array indexes) belongs to a rendered field.</summary>
internal static partial class FormLayoutIndex
{
    public static bool Contains(FormLayout layout, string pointer)
    {
        var pattern = Indexes().Replace(pointer, "/{i}");
        return Walk(layout.AllFields).Any(f => f.Pointer == pattern);
    }

    private static IEnumerable<FormField> Walk(IEnumerable<FormField> fields) =>
        fields.SelectMany(f => new[] { f }.Concat(Walk(f.Children)));

    [GeneratedRegex(@"/\d+(?=/|$)")]
    private static partial Regex Indexes();
}
