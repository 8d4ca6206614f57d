namespace Dvc.Engine.Core.Templates;

/// <summary>
/// A template did not render (a runtime error, a limit) while an activity needed its text. Activities let it escape so
/// their step faults with this message; nothing is issued from an empty text.
/// </summary>
public sealed class TemplateRenderException(string template, string reason)
    : Exception($"The template '{template}' did not render: {reason}")
{
    public string Template { get; } = template;

    public string Reason { get; } = reason;
}
