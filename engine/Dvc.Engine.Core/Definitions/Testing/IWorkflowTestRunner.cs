namespace Dvc.Engine.Core.Definitions.Testing;

/// <summary>
/// Seam for the workflow engine: runs a test case's <c>steps</c> in memory and checks <c>expect.workflowPath</c>
/// (read from <see cref="ProcedureTestCase.Source"/>). Returns the mismatches, empty when the path was followed.
/// </summary>
public interface IWorkflowTestRunner
{
    IReadOnlyList<string> Check(CompiledProcedure procedure, ProcedureTestCase testCase);
}
