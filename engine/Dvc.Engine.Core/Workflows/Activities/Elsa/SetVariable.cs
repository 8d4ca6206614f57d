using System.Text.Json.Nodes;
using Dvc.Engine.Core.Workflows.Model;
using Dvc.Engine.Core.Workflows.Runtime;

namespace Dvc.Engine.Core.Workflows.Activities.Elsa;

/// <summary><c>Elsa.SetVariable</c>: evaluates <c>value</c> and stores it in the variable embedded in <c>variable</c>, matched by id.</summary>
internal sealed class SetVariable : ActivityBehavior
{
    public override ValueTask ExecuteAsync(ActivityExecution execution, CancellationToken cancellationToken)
    {
        var reference = Reference(execution.Activity.Node);
        var value = execution.Evaluate("value");
        if (reference is null || !execution.Scope.TrySetVariable(reference, value))
        {
            execution.Fault($"SetVariable '{execution.Activity.Id}' names no declared variable.", WorkflowDiagnostics.UnknownVariable);
            return ValueTask.CompletedTask;
        }

        execution.Complete();
        return ValueTask.CompletedTask;
    }

    /// <summary>The variable id (or name, for hand-written files) the activity sets.</summary>
    public static string? Reference(ActivityNode node) => node.Property("variable") switch
    {
        JsonObject variable => JsonLookup.GetString(variable, "id") ?? JsonLookup.GetString(variable, "name"),
        JsonValue value when value.TryGetValue<string>(out var name) => name,
        _ => null,
    };
}
