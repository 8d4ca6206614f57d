namespace Dvc.Engine.Core.Definitions;

/// <summary>How bad a diagnostic is: errors keep a procedure from being served, warnings do not.</summary>
public enum DiagnosticSeverity
{
    Info,
    Warning,
    Error,
}

/// <summary>
/// One finding about a definition. <see cref="File"/> is relative to the catalog root when known,
/// <see cref="JsonPointer"/> is RFC 6901 ("" for the whole document), <see cref="Line"/>/<see cref="Column"/> are 1-based (0 when unknown).
/// </summary>
public sealed record Diagnostic(
    string Code,
    DiagnosticSeverity Severity,
    string Message,
    string File,
    string JsonPointer = "",
    int Line = 0,
    int Column = 0)
{
    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>MSBuild-style text: <c>file(line,col): error DVC-FORM-001: message [pointer]</c>, which editors and CI logs link.</summary>
    public override string ToString()
    {
        var position = Line > 0 ? $"({Line},{Math.Max(Column, 1)})" : string.Empty;
        var severity = Severity.ToString().ToLowerInvariant();
        var pointer = JsonPointer.Length > 0 ? $" [{JsonPointer}]" : string.Empty;
        return $"{File}{position}: {severity} {Code}: {Message}{pointer}";
    }
}
