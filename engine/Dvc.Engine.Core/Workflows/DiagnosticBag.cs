using Dvc.Engine.Core.Definitions;

namespace Dvc.Engine.Core.Workflows;

/// <summary>Collects diagnostics for one file and stamps each with the line and column of its JSON pointer.</summary>
internal sealed class DiagnosticBag(string file, JsonLineMap lines)
{
    private readonly List<Diagnostic> _items = [];

    public IReadOnlyList<Diagnostic> Items => _items;

    public bool HasErrors => _items.Exists(x => x.IsError);

    public void Error(string code, string message, string pointer) => Add(code, DiagnosticSeverity.Error, message, pointer);

    public void Warning(string code, string message, string pointer) => Add(code, DiagnosticSeverity.Warning, message, pointer);

    public void Info(string code, string message, string pointer) => Add(code, DiagnosticSeverity.Info, message, pointer);

    private void Add(string code, DiagnosticSeverity severity, string message, string pointer)
    {
        var (line, column) = lines.Find(pointer);
        _items.Add(new Diagnostic(code, severity, message, file, pointer, line, column));
    }
}
