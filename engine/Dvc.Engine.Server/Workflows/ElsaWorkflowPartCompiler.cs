using Dvc.Engine.Core.Definitions;
using Dvc.Engine.Core.Workflows;

namespace Dvc.Engine.Server.Workflows;

/// <summary>Plugs the Elsa 3 workflow compiler into the definition compiler, checked against the procedure's roles.</summary>
internal sealed class ElsaWorkflowPartCompiler(ActivityRegistry registry) : IWorkflowPartCompiler
{
    public WorkflowPartCompilation Compile(ReadOnlyMemory<byte> json, string file, IReadOnlySet<string> roles)
    {
        var result = WorkflowCompiler.Compile(json, file, new WorkflowCompileContext(roles, registry));
        return new WorkflowPartCompilation(result.Diagnostics, result.Workflow);
    }
}
