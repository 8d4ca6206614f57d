namespace Dvc.Engine.Core.Definitions;

/// <summary>
/// The seam between the definition compiler and the workflow engine: compiles workflow.json (Elsa 3 JSON) and cross-checks
/// it against the rest of the procedure. The integrator registers the Workflows compiler here; <see cref="JsonShapeWorkflowPartCompiler"/>
/// only checks the JSON shape. Diagnostics use <c>file</c> (relative to the catalog root) and JSON pointers.
/// </summary>
public interface IWorkflowPartCompiler
{
    /// <summary>Compiles with the manifest's role ids (what a human task's <c>role</c> must be one of).</summary>
    WorkflowPartCompilation Compile(ReadOnlyMemory<byte> json, string file, IReadOnlySet<string> roles);

    /// <summary>
    /// What <see cref="ProcedureCompiler"/> calls: also gives the template names and rules workflow names, which
    /// <c>Dvc.IssueResult</c>/<c>Dvc.Notify</c>/<c>Dvc.EvaluateRules</c> must name. Override it to check them.
    /// </summary>
    WorkflowPartCompilation Compile(ReadOnlyMemory<byte> json, string file, WorkflowPartContext context) => Compile(json, file, context.Roles);
}
