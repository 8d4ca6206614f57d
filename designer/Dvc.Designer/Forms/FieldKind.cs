namespace Dvc.Designer.Forms;

/// <summary>The kinds of field the form builder offers: every widget the portal renders, plus shared fragments.</summary>
public enum FieldKind
{
    Text,
    Textarea,
    Number,
    Money,
    Date,
    Select,
    Radio,
    Checkbox,
    MultiChoice,
    CitizenId,
    Phone,
    Email,
    Commune,
    District,
    Ward,
    Group,
    Repeat,
    Applicant,
    Address,
    Other,
}
