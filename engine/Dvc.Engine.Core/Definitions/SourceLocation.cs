namespace Dvc.Engine.Core.Definitions;

/// <summary>Where a value came from: file relative to the catalog root, JSON pointer in that file, 1-based line and column (0 = unknown).</summary>
public sealed record SourceLocation(string File, string JsonPointer = "", int Line = 0, int Column = 0)
{
    public Diagnostic Error(string code, string message) => new(code, DiagnosticSeverity.Error, message, File, JsonPointer, Line, Column);

    public Diagnostic Warning(string code, string message) => new(code, DiagnosticSeverity.Warning, message, File, JsonPointer, Line, Column);
}
