using Dvc.Engine.Core.Definitions;
using Dvc.Engine.Core.Definitions.Testing;

namespace Dvc.Engine.Cli.Commands;

/// <summary>The one place the CLI builds its compiler and test runner.</summary>
internal static class CliCompiler
{
    public static ProcedureCompiler Create() => new(new ProcedureCompilerOptions());

    public static ProcedureTestRunner CreateTestRunner() => new();
}
