namespace Dvc.Engine.Core.Definitions;

/// <summary>
/// The seam between the definition compiler and the workflow engine: compiles workflow.json (Elsa 3 JSON) and cross-checks
/// it against the manifest's roles. The integrator registers the Workflows compiler here; <see cref="JsonShapeWorkflowPartCompiler"/>
/// only checks the JSON shape. Diagnostics use <paramref name="file"/> (relative to the catalog root) and JSON pointers.
/// </summary>
public interface IWorkflowPartCompiler
{
    WorkflowPartCompilation Compile(ReadOnlyMemory<byte> json, string file, IReadOnlySet<string> roles);
}
