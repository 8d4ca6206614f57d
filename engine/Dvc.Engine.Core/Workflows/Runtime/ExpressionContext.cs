using System.Text.Json.Nodes;
using Dvc.Engine.Core.Workflows.Expressions;
using Dvc.Engine.Core.Workflows.Model;

namespace Dvc.Engine.Core.Workflows.Runtime;

/// <summary>
/// The scope one expression of one activity execution sees. The top workflow's variables live in the state; a called
/// workflow's variables, inputs and outputs live in the frame of the activity that called it (so every call, even two at
/// once in a ParallelForEach, has its own); loop variables (<c>CurrentValue</c>, <c>CurrentIndex</c>) live in the frame
/// of the loop body they belong to.
/// </summary>
internal sealed class ExpressionContext(WorkflowExecution run, ActivityFrame? frame, CompiledActivity activity) : IExpressionScope
{
    private const string ScopeProperty = "scope";
    private const string LocalsProperty = "locals";
    private JsonObject? _scopeData;
    private bool _scopeResolved;
    private JsonObject? _input;

    public ExpressionSandboxOptions Sandbox => run.Sandbox;

    public string InstanceId => ScopeData?["instanceId"]?.GetValue<string>() ?? run.State.InstanceId;

    public string? DefinitionId => Definition.Document.DefinitionId ?? run.State.DefinitionId;

    public string? CorrelationId
    {
        get => ScopeData is { } data && data.ContainsKey("correlationId") ? data["correlationId"]?.GetValue<string>() : run.State.CorrelationId;
        set
        {
            if (ScopeData is { } data && data.ContainsKey("correlationId"))
            {
                data["correlationId"] = value;
            }
            else
            {
                run.State.CorrelationId = value;
            }
        }
    }

    public JsonNode? LastResult => run.LastResult;

    public List<string>? ScriptOutcomes { get; init; }

    public JsonObject WorkflowInput => _input ??= BuildInput();

    public IEnumerable<string> DeclaredInputs => Definition.Inputs.Select(i => i.Name);

    public IEnumerable<(string ActivityName, string OutputName)> KnownOutputs => Definition.KnownOutputs;

    public IEnumerable<KeyValuePair<string, JsonNode?>> Variables
    {
        get
        {
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var locals in Locals())
            {
                foreach (var (name, value) in locals)
                {
                    if (seen.Add(name))
                    {
                        yield return new KeyValuePair<string, JsonNode?>(name, value);
                    }
                }
            }

            foreach (var variable in Definition.Variables)
            {
                if (seen.Add(variable.Name))
                {
                    yield return new KeyValuePair<string, JsonNode?>(variable.Name, Read(Store(), variable.Id));
                }
            }
        }
    }

    private WorkflowScope Definition => activity.Scope.Definition;

    /// <summary>The frame data of the call that runs this scope (variables, input, output); null for the top workflow.</summary>
    private JsonObject? ScopeData
    {
        get
        {
            if (!_scopeResolved)
            {
                _scopeResolved = true;
                _scopeData = activity.Scope.CallActivityId is { } call ? FindScopeData(call) : null;
            }

            return _scopeData;
        }
    }

    /// <summary>The property a call keeps its scope under, created by the call when it starts.</summary>
    public static JsonObject NewScope(string callId, JsonObject input, JsonObject variables) => new()
    {
        ["call"] = callId,
        ["input"] = input,
        ["variables"] = variables,
        ["output"] = new JsonObject(),
    };

    /// <summary>The scope data a call frame holds.</summary>
    public static JsonObject? ScopeOf(ActivityFrame frame) => frame.Properties[ScopeProperty] as JsonObject;

    public static void SetScope(ActivityFrame frame, JsonObject scope) => frame.Properties[ScopeProperty] = scope;

    /// <summary>Frame properties that give a loop body its loop variables.</summary>
    public static JsonObject WithLocals(params (string Name, JsonNode? Value)[] locals) =>
        new() { [LocalsProperty] = new JsonObject(locals.Select(l => KeyValuePair.Create(l.Name, l.Value?.DeepClone()))) };

    public bool TryGetVariable(string nameOrId, out JsonNode? value)
    {
        foreach (var locals in Locals())
        {
            if (JsonLookup.Find(locals, nameOrId) is { } key)
            {
                value = locals[key];
                return true;
            }
        }

        if (Definition.FindVariable(nameOrId) is { } variable)
        {
            value = Read(Store(), variable.Id);
            return true;
        }

        value = null;
        return false;
    }

    public bool TrySetVariable(string nameOrId, JsonNode? value)
    {
        foreach (var locals in Locals())
        {
            if (JsonLookup.Find(locals, nameOrId) is { } key)
            {
                locals[key] = value?.DeepClone();
                return true;
            }
        }

        if (Definition.FindVariable(nameOrId) is { } variable)
        {
            Store()[variable.Id] = ValueConversion.ConvertTo(value?.DeepClone(), variable.IsArray ? variable.TypeName + "[]" : variable.TypeName);
            return true;
        }

        return false;
    }

    /// <summary>Sets a workflow output of this scope (the top workflow's outputs, or the calling activity's).</summary>
    public void SetWorkflowOutput(string name, JsonNode? value)
    {
        if (ScopeData?["output"] is JsonObject output)
        {
            output[name] = value?.DeepClone();
        }
        else
        {
            run.State.Outputs[name] = value?.DeepClone();
        }
    }

    public JsonNode? GetActivityOutput(string activityIdOrName, string? outputName)
    {
        var localId = Definition.LocalIds.Contains(activityIdOrName) ? activityIdOrName : Definition.ActivitiesByName.GetValueOrDefault(activityIdOrName);
        var outputs = localId is not null ? run.State.ActivityOutputs.GetValueOrDefault(activity.Scope.Prefix + localId) : null;
        return outputs is null ? null : JsonLookup.Get(outputs, outputName ?? "result")?.DeepClone();
    }

    private JsonObject BuildInput()
    {
        var passed = ScopeData?["input"] as JsonObject;
        if (activity.Scope.CallActivityId is not null && (passed is null || ScopeData!.ContainsKey("instanceId")))
        {
            // Elsa.ExecuteWorkflow starts another instance: it sees only what it was given.
            return passed ?? [];
        }

        // The top workflow reads the dossier's inputs; an input it declares that the host did not pass comes from the
        // submission. A workflow used as an activity runs in the same instance: as Elsa's getInput falls back to the
        // instance's input, it sees the dossier's inputs too, under the ones its caller passed.
        var input = (JsonObject)run.State.Input.DeepClone();
        if (passed is not null)
        {
            foreach (var (name, value) in passed)
            {
                input[name] = value?.DeepClone();
            }

            return input;
        }

        var data = run.State.Input["data"] as JsonObject;
        foreach (var declared in Definition.Inputs)
        {
            if (JsonLookup.Find(input, declared.Name) is null && data is not null && JsonLookup.Get(data, declared.Name) is { } value)
            {
                input[declared.Name] = ValueConversion.ConvertTo(value.DeepClone(), declared.ConversionType);
            }
        }

        return input;
    }

    /// <summary>The variable store of this scope: the state's for the top workflow, the call frame's for a called one.</summary>
    private IDictionary<string, JsonNode?> Store()
    {
        if (activity.Scope.CallActivityId is null)
        {
            return run.State.Variables;
        }

        if (ScopeData is { } data)
        {
            if (data["variables"] is not JsonObject variables)
            {
                data["variables"] = variables = [];
            }

            return variables;
        }

        return new Dictionary<string, JsonNode?>();
    }

    /// <summary>The loop-variable sets of the frames from this one up to the scope's boundary, innermost first.</summary>
    private IEnumerable<JsonObject> Locals()
    {
        var boundary = activity.Scope.CallActivityId;
        for (var current = frame; current is not null; current = current.ParentId is null ? null : run.FindFrame(current.ParentId))
        {
            if (boundary is not null && ScopeOf(current)?["call"]?.GetValue<string>() == boundary)
            {
                yield break;
            }

            if (current.Properties[LocalsProperty] is JsonObject locals)
            {
                yield return locals;
            }
        }
    }

    private static JsonNode? Read(IDictionary<string, JsonNode?> store, string key) => store.TryGetValue(key, out var value) ? value : null;

    private JsonObject? FindScopeData(string callId)
    {
        for (var current = frame; current is not null; current = current.ParentId is null ? null : run.FindFrame(current.ParentId))
        {
            if (ScopeOf(current) is { } data && data["call"]?.GetValue<string>() == callId)
            {
                return data;
            }
        }

        return null;
    }
}
