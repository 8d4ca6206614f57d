namespace Dvc.Engine.Server.Forms;

/// <summary>
/// One field of a generated form, read from a JSON Schema property and its <c>x-ui</c> hints. <see cref="Pointer"/>
/// is the JSON pointer of the value in the submission; inside a repeating group it contains <c>{i}</c> where the item
/// index goes. <see cref="FreeText"/> marks a district/ward field whose unit list is incomplete: typed text is accepted
/// and the options are only suggestions.
/// </summary>
internal sealed record FormField(
    string Name,
    string Pointer,
    LocalizedString Label,
    LocalizedString? Help,
    LocalizedString? Placeholder,
    string Widget,
    string JsonType,
    string? Format,
    bool Required,
    IReadOnlyList<FormOption> Options,
    bool FreeText,
    string? CascadeFrom,
    FormVisibility? VisibleWhen,
    IReadOnlyList<FormField> Children,
    int? MaxLength,
    string? Pattern,
    decimal? Minimum,
    decimal? Maximum,
    int MinItems,
    int? MaxItems,
    double Order,
    string? Default = null)
{
    public bool IsGroup => Widget == FormWidgets.Group;

    public bool IsRepeat => Widget == FormWidgets.Repeat;

    /// <summary>An array of enumerated strings, shown as one checkbox per value.</summary>
    public bool IsMultiChoice => JsonType == "array" && Widget == FormWidgets.Checkbox;

    /// <summary>The pointer for item <paramref name="index"/> of the enclosing repeating groups.</summary>
    public string PointerAt(params int[] indexes)
    {
        var pointer = Pointer;
        foreach (var index in indexes)
        {
            var at = pointer.IndexOf("{i}", StringComparison.Ordinal);
            if (at < 0)
            {
                break;
            }

            pointer = string.Concat(pointer.AsSpan(0, at), index.ToString(System.Globalization.CultureInfo.InvariantCulture), pointer.AsSpan(at + 3));
        }

        return pointer;
    }
}
