using System.Text.Json.Nodes;

namespace Dvc.Engine.Core.Workflows.Expressions;

/// <summary>
/// What an expression can see and change while it is evaluated: the variables, inputs and outputs of the workflow
/// scope its activity belongs to (a sub-workflow sees its own, not its caller's), and loop variables of enclosing loops.
/// </summary>
internal interface IExpressionScope
{
    /// <summary>Variables in scope by name, with their current values (loop variables first).</summary>
    IEnumerable<KeyValuePair<string, JsonNode?>> Variables { get; }

    /// <summary>The workflow inputs: <c>data</c>, <c>fee</c>, … and the declared inputs for the top workflow; what the caller passed for a sub-workflow.</summary>
    JsonObject WorkflowInput { get; }

    /// <summary>The names of the inputs the workflow declares (Elsa creates a <c>get&lt;Name&gt;()</c> accessor for each).</summary>
    IEnumerable<string> DeclaredInputs { get; }

    ExpressionSandboxOptions Sandbox { get; }

    string InstanceId { get; }

    string? DefinitionId { get; }

    string? CorrelationId { get; set; }

    /// <summary>The value of the last completed activity's <c>result</c> output, if any.</summary>
    JsonNode? LastResult { get; }

    /// <summary>The outcomes an <c>Elsa.RunJavaScript</c> script chose with <c>setOutcome</c>/<c>setOutcomes</c>; null when no script may choose.</summary>
    List<string>? ScriptOutcomes { get; }

    bool TryGetVariable(string nameOrId, out JsonNode? value);

    bool TrySetVariable(string nameOrId, JsonNode? value);

    JsonNode? GetActivityOutput(string activityIdOrName, string? outputName);

    /// <summary>Activity name → output names, for the <c>get&lt;Output&gt;From&lt;Activity&gt;()</c> accessors.</summary>
    IEnumerable<(string ActivityName, string OutputName)> KnownOutputs { get; }
}
