using Dvc.Engine.Core.Definitions;

namespace Dvc.Engine.Core.Forms;

/// <summary>Root <c>x-ui.sections</c> entry: a titled group of top-level fields.</summary>
public sealed record FormSection(string Id, LocalizedText Title, IReadOnlyList<string> Fields);
