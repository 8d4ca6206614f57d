namespace Dvc.Engine.Server.Forms;

/// <summary><c>x-ui.visibleWhen</c>: show the field only when another field equals one of the values.</summary>
internal sealed record FormVisibility(string Field, IReadOnlyList<string> Values);
