namespace Dvc.Engine.Server.Forms;

/// <summary>The <c>x-ui.widget</c> names of definitions/README.md.</summary>
internal static class FormWidgets
{
    public const string Text = "text";
    public const string Textarea = "textarea";
    public const string Number = "number";

    /// <summary>A whole amount in VND (an integer), typed with or without thousands dots and shown with "đ".</summary>
    public const string Money = "money";
    public const string Date = "date";
    public const string Select = "select";
    public const string Radio = "radio";
    public const string Checkbox = "checkbox";
    public const string CitizenId = "citizen-id";
    public const string Phone = "phone";
    public const string Email = "email";
    public const string District = "district";
    public const string Ward = "ward";
    public const string Group = "group";
    public const string Repeat = "repeat";
}
