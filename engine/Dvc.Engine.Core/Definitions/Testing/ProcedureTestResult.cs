namespace Dvc.Engine.Core.Definitions.Testing;

/// <summary>One test case's outcome: what did not match (empty when it passed) and notes about what was not checked.</summary>
public sealed record ProcedureTestResult(string Procedure, string Name, string File, IReadOnlyList<string> Failures, IReadOnlyList<string> Notes)
{
    public bool Passed => Failures.Count == 0;
}
