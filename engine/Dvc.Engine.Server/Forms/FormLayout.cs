namespace Dvc.Engine.Server.Forms;

/// <summary>A generated form: its sections (from root <c>x-ui.sections</c>, or one untitled section) of fields.</summary>
internal sealed record FormLayout(IReadOnlyList<FormSection> Sections)
{
    public IEnumerable<FormField> AllFields => Sections.SelectMany(s => s.Fields);
}
