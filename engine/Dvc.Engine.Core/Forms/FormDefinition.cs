using System.Text.Json.Nodes;

namespace Dvc.Engine.Core.Forms;

/// <summary>A compiled form: the field tree (for validation, rules typing, cross-checks and rendering) and the schema JSON.</summary>
public sealed record FormDefinition(FormField Root, IReadOnlyList<FormSection> Sections, JsonObject Schema)
{
    /// <summary>
    /// The field at a data pointer such as <c>/applicant/birthDate</c>; array indices (or <c>*</c>) step into items.
    /// </summary>
    public FormField? Find(string dataPointer)
    {
        var tokens = Definitions.JsonPointer.Parse(dataPointer);
        if (tokens is null)
        {
            return null;
        }

        var current = Root;
        foreach (var token in tokens)
        {
            if (current.Type == FormFieldType.Array && current.Items is not null && (token == "*" || token.All(char.IsAsciiDigit)))
            {
                current = current.Items;
                continue;
            }

            var next = current.FindProperty(token);
            if (next is null)
            {
                return null;
            }

            current = next;
        }

        return current;
    }

    /// <summary>Every field, depth first (root excluded).</summary>
    public IEnumerable<FormField> AllFields() => Walk(Root).Skip(1);

    private static IEnumerable<FormField> Walk(FormField field)
    {
        yield return field;
        foreach (var child in field.Properties.SelectMany(Walk))
        {
            yield return child;
        }

        if (field.Items is not null)
        {
            foreach (var child in Walk(field.Items))
            {
                yield return child;
            }
        }
    }
}
