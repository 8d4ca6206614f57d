using Dvc.Engine.Core.Definitions.Testing;

namespace Dvc.Engine.Core.Definitions;

/// <summary>
/// The result of compiling one procedure folder: the procedure when nothing outside its tests has an error, every diagnostic
/// (sorted by file and line), and the test cases read from tests/.
/// </summary>
public sealed record ProcedureCompilation(
    string Code,
    string Folder,
    CompiledProcedure? Procedure,
    IReadOnlyList<Diagnostic> Diagnostics,
    IReadOnlyList<ProcedureTestCase> Tests)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}
