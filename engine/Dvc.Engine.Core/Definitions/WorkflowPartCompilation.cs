namespace Dvc.Engine.Core.Definitions;

/// <summary>What <see cref="IWorkflowPartCompiler"/> returns: diagnostics, and the compiled workflow (opaque here) when it has no errors.</summary>
public sealed record WorkflowPartCompilation(IReadOnlyList<Diagnostic> Diagnostics, object? Compiled);
