using System.Text.Json.Nodes;
using Dvc.Engine.Core.Workflows.Expressions;
using Dvc.Engine.Core.Workflows.Runtime;

namespace Dvc.Engine.Core.Workflows.Activities.Elsa;

/// <summary>
/// A workflow definition used as an activity (Elsa's <c>WorkflowDefinitionActivity</c>, for a definition with
/// <c>options.usableAsActivity</c>): the activity's inputs become the called workflow's inputs, its outputs those the
/// workflow sets with <c>Elsa.SetOutput</c>, and it completes with the outcomes the workflow completes with
/// (<c>Elsa.Complete</c>), Done otherwise. The called workflow runs inside the same instance, under the activity's id,
/// so a human task or payment in it makes the caller wait and resumes like any other.
/// </summary>
internal sealed class WorkflowDefinitionActivity : ActivityBehavior
{
    public static WorkflowDefinitionActivity Instance { get; } = new();

    public override ValueTask ExecuteAsync(ActivityExecution execution, CancellationToken cancellationToken)
    {
        Call(execution, DeclaredInputs(execution), extra: null);
        return ValueTask.CompletedTask;
    }

    public override void OnChildCompleted(ActivityExecution execution, ActivityFrame child, IReadOnlyList<string> outcomes)
    {
        var output = ExpressionContext.ScopeOf(execution.Frame)?["output"] as JsonObject ?? [];
        foreach (var declared in execution.Activity.Callee!.Scope.Definition.Outputs)
        {
            execution.SetOutput(declared.Name, output[declared.Name]?.DeepClone());
        }

        execution.CompleteWith(outcomes.Count == 0 ? ["Done"] : outcomes);
    }

    /// <summary>Starts the called workflow below the calling frame, with its own variables, inputs and outputs.</summary>
    public static void Call(ActivityExecution execution, JsonObject input, JsonObject? extra)
    {
        var callee = execution.Activity.Callee!;
        var variables = new JsonObject();
        foreach (var variable in callee.Scope.Definition.Variables)
        {
            variables[variable.Id] = ValueConversion.ConvertTo(variable.Value?.DeepClone(), variable.IsArray ? variable.TypeName + "[]" : variable.TypeName);
        }

        var scope = ExpressionContext.NewScope(execution.Activity.Id, input, variables);
        foreach (var (name, value) in extra ?? [])
        {
            scope[name] = value?.DeepClone();
        }

        ExpressionContext.SetScope(execution.Frame, scope);
        execution.Schedule(callee);
    }

    /// <summary>
    /// The called workflow's declared inputs, each from the calling activity's input of that name, converted to its type;
    /// one not given is null (it hides a dossier input of the same name, as Elsa's input variable does).
    /// </summary>
    private static JsonObject DeclaredInputs(ActivityExecution execution)
    {
        var input = new JsonObject();
        foreach (var declared in execution.Activity.Callee!.Scope.Definition.Inputs)
        {
            input[declared.Name] = execution.HasInput(declared.Name) ? ValueConversion.ConvertTo(execution.Evaluate(declared.Name), declared.ConversionType) : null;
        }

        return input;
    }
}
