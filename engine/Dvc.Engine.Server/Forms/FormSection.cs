namespace Dvc.Engine.Server.Forms;

internal sealed record FormSection(string Id, LocalizedString? Title, IReadOnlyList<FormField> Fields);
