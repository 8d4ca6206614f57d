using System.Text.Json.Nodes;

namespace Dvc.Engine.Core.Workflows.Expressions;

/// <summary>What an expression can see and change while it is evaluated: variables, workflow inputs, outputs.</summary>
internal interface IExpressionScope
{
    /// <summary>Variables in scope by name, with their current values.</summary>
    IEnumerable<KeyValuePair<string, JsonNode?>> Variables { get; }

    /// <summary>The workflow inputs (<c>data</c>, <c>fee</c>, <c>dossierCode</c>, <c>serviceLevel</c>, …).</summary>
    JsonObject WorkflowInput { get; }

    ExpressionSandboxOptions Sandbox { get; }

    string InstanceId { get; }

    string? DefinitionId { get; }

    string? CorrelationId { get; set; }

    /// <summary>The value of the last completed activity's <c>result</c> output, if any.</summary>
    JsonNode? LastResult { get; }

    bool TryGetVariable(string nameOrId, out JsonNode? value);

    bool TrySetVariable(string nameOrId, JsonNode? value);

    JsonNode? GetActivityOutput(string activityIdOrName, string? outputName);

    /// <summary>Activity name → output names, for the <c>get&lt;Output&gt;From&lt;Activity&gt;()</c> accessors.</summary>
    IEnumerable<(string ActivityName, string OutputName)> KnownOutputs { get; }
}
