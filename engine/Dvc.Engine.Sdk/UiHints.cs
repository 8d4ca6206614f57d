namespace Dvc.Engine.Sdk;

/// <summary>Names of the designer's input editors. A custom editor is a designer component named after its hint.</summary>
public static class UiHints
{
    /// <summary>A one-line text or expression box.</summary>
    public const string SingleLine = "singleline";

    /// <summary>A multi-line text or expression box.</summary>
    public const string MultiLine = "multiline";

    /// <summary>An expression editor (JavaScript or Liquid).</summary>
    public const string Expression = "expression";

    /// <summary>A check box.</summary>
    public const string Checkbox = "checkbox";

    /// <summary>A drop-down list of fixed values.</summary>
    public const string DropDown = "dropdown";

    /// <summary>A JSON editor.</summary>
    public const string Json = "json";

    /// <summary>A list of strings.</summary>
    public const string StringList = "string-list";

    /// <summary>A localized text editor: <c>{ "vi": "…", "en": "…" }</c>.</summary>
    public const string LocalizedText = "localized-text";

    /// <summary>An officer role picker (roles declared by the procedure).</summary>
    public const string Role = "role";

    /// <summary>A template picker (templates declared by the procedure).</summary>
    public const string Template = "template";
}
