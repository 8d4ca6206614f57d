using System.Text.Json.Nodes;
using Dvc.Engine.Core.Workflows.Expressions;
using Dvc.Engine.Core.Workflows.Model;
using Dvc.Engine.Core.Workflows.Runtime;
using Dvc.Engine.Sdk;

namespace Dvc.Engine.Core.Workflows.Activities.Elsa;

/// <summary>
/// <c>Elsa.RunJavaScript</c>: runs the code in <c>script</c> (usually a Literal holding the code, compiled with the
/// workflow) in the same sandboxed Jint engine as every JavaScript expression, with the same accessors. The value the
/// script returns is output <c>result</c>; <c>setOutcome(name)</c> / <c>setOutcomes([…])</c> choose the outcomes (among
/// <c>possibleOutcomes</c>), Done otherwise.
/// </summary>
internal sealed class RunJavaScript : ActivityBehavior
{
    /// <summary>Where the compiler keeps the script's code, parsed once, when <c>script</c> is a literal.</summary>
    public const string CodeKey = "script:code";

    public override ValueTask ExecuteAsync(ActivityExecution execution, CancellationToken cancellationToken)
    {
        if (!execution.Activity.Expressions.TryGetValue(CodeKey, out var code))
        {
            var text = execution.EvaluateString("script");
            if (string.IsNullOrWhiteSpace(text))
            {
                execution.Complete();
                return ValueTask.CompletedTask;
            }

            // A script built by an expression is only known now; it gets the same parser and sandbox.
            code = JavaScriptExpression.TryCompile(new ExpressionInput("script", "Object", "JavaScript", JsonValue.Create(text), execution.Activity.Node.Pointer), out var error);
            if (code is null)
            {
                execution.Fault($"The script of '{execution.Activity.Id}' does not parse: {error}", WorkflowDiagnostics.JavaScriptSyntax);
                return ValueTask.CompletedTask;
            }
        }

        var outcomes = new List<string>();
        var result = code.Evaluate(new ExpressionContext(execution.Run, execution.Frame, execution.Activity) { ScriptOutcomes = outcomes });
        if (result is not null)
        {
            execution.SetOutput("result", result);
        }

        execution.CompleteWith(outcomes.Count > 0 ? outcomes : ["Done"]);
        return ValueTask.CompletedTask;
    }

    public override IReadOnlyList<string>? PossibleOutcomes(ActivityNode node, ActivityDescriptor descriptor)
    {
        if (!node.Inputs.TryGetValue("possibleOutcomes", out var input) || input.Value is null)
        {
            return ["Done"];
        }

        if (input.ExpressionType is not ("Literal" or "Object" or "Json"))
        {
            return null;
        }

        return ValueConversion.ConvertTo(input.Value, "String[]") is JsonArray names
            ? [.. names.Select(ValueConversion.ToText), "Done"]
            : ["Done"];
    }
}
