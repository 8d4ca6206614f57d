using Dvc.Engine.Core.Definitions;
using Dvc.Engine.Core.Workflows.Model;

namespace Dvc.Engine.Core.Workflows;

/// <summary>
/// The compiler's answer: the runnable workflow when there is no error, the document whenever the JSON could be read
/// (so a designer can still show and save it), and every diagnostic.
/// </summary>
public sealed record WorkflowCompileResult(CompiledWorkflow? Workflow, WorkflowDocument? Document, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>True when the workflow compiled without errors.</summary>
    public bool Success => Workflow is not null;
}
