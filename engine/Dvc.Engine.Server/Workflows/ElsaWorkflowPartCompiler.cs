using Dvc.Engine.Core.Definitions;
using Dvc.Engine.Core.Workflows;

namespace Dvc.Engine.Server.Workflows;

/// <summary>
/// Plugs the Elsa 3 workflow compiler into the definition compiler, cross-checked against the procedure's roles,
/// template names and rules workflow names.
/// </summary>
internal sealed class ElsaWorkflowPartCompiler(ActivityRegistry registry) : IWorkflowPartCompiler
{
    public WorkflowPartCompilation Compile(ReadOnlyMemory<byte> json, string file, IReadOnlySet<string> roles) =>
        Compile(json, file, new WorkflowCompileContext(roles, registry));

    public WorkflowPartCompilation Compile(ReadOnlyMemory<byte> json, string file, WorkflowPartContext context) =>
        Compile(json, file, new WorkflowCompileContext(context.Roles, registry, context.Templates, context.RulesWorkflows));

    private static WorkflowPartCompilation Compile(ReadOnlyMemory<byte> json, string file, WorkflowCompileContext context)
    {
        var result = WorkflowCompiler.Compile(json, file, context);
        return new WorkflowPartCompilation(result.Diagnostics, result.Workflow);
    }
}
