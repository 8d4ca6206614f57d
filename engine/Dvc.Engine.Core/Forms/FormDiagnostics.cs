namespace Dvc.Engine.Core.Forms;

/// <summary>Stable codes for problems in form.schema.json. Never renumber.</summary>
public static class FormDiagnostics
{
    /// <summary>The form's root is not an object schema with properties.</summary>
    public const string RootNotObject = "DVC-FORM-001";

    /// <summary>NJsonSchema could not read the schema (for example a <c>#</c> ref to a missing definition).</summary>
    public const string SchemaUnreadable = "DVC-FORM-002";

    /// <summary>A field has no usable <c>type</c>.</summary>
    public const string UnknownType = "DVC-FORM-003";

    /// <summary>A field has no <c>x-ui.label</c> (or it has no Vietnamese text).</summary>
    public const string MissingLabel = "DVC-FORM-004";

    /// <summary>A field names a widget the portal does not have.</summary>
    public const string UnknownWidget = "DVC-FORM-005";

    /// <summary><c>x-ui.visibleWhen</c> names a field that does not exist, or is malformed.</summary>
    public const string VisibleWhenInvalid = "DVC-FORM-006";

    /// <summary><c>x-ui.cascadeFrom</c> names a sibling that does not exist.</summary>
    public const string CascadeFromUnknown = "DVC-FORM-007";

    /// <summary><c>x-ui.enumLabels</c> has a key that is not in <c>enum</c>, or an enum value has no label.</summary>
    public const string EnumLabelMismatch = "DVC-FORM-008";

    /// <summary>A <c>pattern</c> is not a valid regular expression.</summary>
    public const string InvalidPattern = "DVC-FORM-009";

    /// <summary>A section lists a field that does not exist.</summary>
    public const string SectionFieldUnknown = "DVC-FORM-010";

    /// <summary><c>required</c> names a property that is not defined.</summary>
    public const string RequiredUnknown = "DVC-FORM-011";

    /// <summary><c>x-ui.errors</c> has a key that is not a validation keyword.</summary>
    public const string UnknownErrorKeyword = "DVC-FORM-012";

    /// <summary>An internal <c>#</c> ref cannot be followed (missing, or loops).</summary>
    public const string InternalRefInvalid = "DVC-FORM-013";

    /// <summary>A field name cannot be used from rules and templates (it must be a letter followed by letters, digits or _).</summary>
    public const string FieldNameInvalid = "DVC-FORM-014";

    /// <summary><c>x-validate</c> names a date that is not a date field of the form, a sum over something that is not a number field of a repeating group, or an unknown check.</summary>
    public const string CheckInvalid = "DVC-FORM-015";
}
