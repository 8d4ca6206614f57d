namespace Dvc.Engine.Core.Templates;

/// <summary>Stable codes for problems in templates/*.sbn. Never renumber.</summary>
public static class TemplateDiagnostics
{
    /// <summary>The template does not parse as Scriban.</summary>
    public const string SyntaxError = "DVC-TPL-001";

    /// <summary>The template tries to include or import another template (there is no template loader).</summary>
    public const string IncludeNotAllowed = "DVC-TPL-002";

    /// <summary>The template reads <c>data.x</c> where the form has no field x.</summary>
    public const string UnknownField = "DVC-TPL-003";

    /// <summary>The template calls a function that is not available to templates (date.now, object.*, regex.*, …).</summary>
    public const string FunctionNotAllowed = "DVC-TPL-004";
}
