using Dvc.Engine.Core.Definitions;
using Dvc.Engine.Core.Definitions.Testing;

namespace Dvc.Engine.Cli.Commands;

/// <summary>
/// The one place the CLI builds its compiler and test runner, so wiring in the workflow engine
/// (an <see cref="IWorkflowPartCompiler"/> and an <see cref="IWorkflowTestRunner"/>) is a change here only.
/// </summary>
internal static class CliCompiler
{
    public static ProcedureCompiler Create() => new(new ProcedureCompilerOptions(), workflowCompiler: null);

    public static ProcedureTestRunner CreateTestRunner() => new(workflows: null);
}
