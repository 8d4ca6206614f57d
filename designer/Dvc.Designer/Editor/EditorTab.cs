namespace Dvc.Designer.Editor;

/// <summary>The editor's tabs, in the order they are shown.</summary>
public enum EditorTab
{
    General,
    Form,
    Attachments,
    Rules,
    Fees,
    Tests,
    Versions,
    Text,
}
