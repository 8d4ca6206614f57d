using System.Text.Json;
using System.Text.Json.Nodes;
using Dvc.Engine.Core.Workflows.Model;

namespace Dvc.Engine.Core.Workflows.Serialization;

/// <summary>
/// Reads the Elsa 3 workflow-definition JSON into <see cref="WorkflowDocument"/>: both connection shapes,
/// <c>$values</c> wrappers, a UTF-8 BOM, camelCase or PascalCase names, wrapped inputs, outputs with
/// memoryReference, plain properties and nested activities. It never throws on bad input; problems become diagnostics.
/// </summary>
internal static class WorkflowReader
{
    private static readonly HashSet<string> FixedFields = new(StringComparer.OrdinalIgnoreCase)
    {
        "id", "nodeId", "name", "type", "version", "customProperties", "metadata", "canStartWorkflow",
        "runAsynchronously", "source", "line", "connections", "variables", "applicationProperties",
    };

    /// <summary>Properties that hold child activities in Elsa's built-ins; their objects are read as activities even when malformed, so the problem is reported.</summary>
    private static readonly HashSet<string> SlotNames = new(StringComparer.OrdinalIgnoreCase) { "activities", "branches", "then", "else", "body" };

    private static readonly HashSet<string> InputFields = new(StringComparer.OrdinalIgnoreCase) { "typeName", "expression", "memoryReference", "storageDriverType" };

    public static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 256,
        AllowDuplicateProperties = false,
    };

    public static JsonObject? Parse(ReadOnlyMemory<byte> json, DiagnosticBag diagnostics)
    {
        var span = json.Span;
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            json = json[3..];
        }

        try
        {
            var node = JsonNode.Parse(json.Span, new JsonNodeOptions { PropertyNameCaseInsensitive = false }, DocumentOptions);
            if (node is JsonObject obj)
            {
                return obj;
            }

            diagnostics.Error(WorkflowDiagnostics.MissingRoot, "The workflow file must contain a JSON object.", string.Empty);
            return null;
        }
        catch (JsonException ex)
        {
            diagnostics.Error(WorkflowDiagnostics.InvalidJson, $"The workflow file is not valid JSON: {ex.Message}", string.Empty);
            return null;
        }
    }

    public static WorkflowDocument? Read(JsonObject json, DiagnosticBag diagnostics)
    {
        var rootKey = JsonLookup.Find(json, "root");
        if (rootKey is null || json[rootKey] is not JsonObject rootJson)
        {
            diagnostics.Error(WorkflowDiagnostics.MissingRoot, "The workflow definition has no 'root' activity object.", string.Empty);
            return null;
        }

        var root = ReadActivity(rootJson, "/" + rootKey, diagnostics);
        if (root is null)
        {
            return null;
        }

        var document = new WorkflowDocument(json, root);
        document.Variables.AddRange(ReadVariables(json, string.Empty));
        return document;
    }

    private static ActivityNode? ReadActivity(JsonObject json, string pointer, DiagnosticBag diagnostics)
    {
        var id = JsonLookup.GetString(json, "id");
        var type = JsonLookup.GetString(json, "type");
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(type))
        {
            diagnostics.Error(
                WorkflowDiagnostics.MissingActivityIdOrType,
                $"The activity at {pointer} needs both an 'id' and a 'type'.",
                pointer);
            return null;
        }

        var node = new ActivityNode(id, type, pointer, json)
        {
            Name = JsonLookup.GetString(json, "name"),
            CanStartWorkflow = JsonLookup.Get(json, "customProperties") is JsonObject custom && JsonLookup.GetBool(custom, "canStartWorkflow")
                || JsonLookup.GetBool(json, "canStartWorkflow"),
        };

        foreach (var (key, value) in json)
        {
            var propertyPointer = pointer + "/" + Definitions.JsonLineMap.Escape(key);
            if (FixedFields.Contains(key) || value is null)
            {
                continue;
            }

            var isSlot = SlotNames.Contains(key);
            if (IsActivityObject(value) || isSlot && value is JsonObject && JsonLookup.Find((JsonObject)value, "typeName") is null && JsonLookup.Find((JsonObject)value, "$values") is null)
            {
                if (ReadActivity((JsonObject)value, propertyPointer, diagnostics) is { } child)
                {
                    node.Slots[key] = [child];
                }
            }
            else if (value is JsonArray array && array.Count > 0 && (array.All(IsActivityObject) || isSlot && array.All(x => x is JsonObject)))
            {
                var children = new List<ActivityNode>();
                for (var i = 0; i < array.Count; i++)
                {
                    if (ReadActivity((JsonObject)array[i]!, $"{propertyPointer}/{i}", diagnostics) is { } child)
                    {
                        children.Add(child);
                    }
                }

                node.Slots[key] = children;
            }
            else if (value is JsonObject wrapped)
            {
                ReadWrapped(node, key, wrapped, propertyPointer);
            }
            else if (string.Equals(key, "cases", StringComparison.OrdinalIgnoreCase) && value is JsonArray cases)
            {
                // Elsa.Switch cases carry their activity: { label, condition, activity }.
                for (var i = 0; i < cases.Count; i++)
                {
                    if (cases[i] is JsonObject switchCase && JsonLookup.Find(switchCase, "activity") is { } activityKey
                        && IsActivityObject(switchCase[activityKey]) && ReadActivity((JsonObject)switchCase[activityKey]!, $"{propertyPointer}/{i}/{activityKey}", diagnostics) is { } child)
                    {
                        node.Slots[$"cases/{i}"] = [child];
                    }
                }
            }
        }

        if (JsonLookup.Find(json, "activities") is { } activitiesKey && json[activitiesKey] is JsonObject { } valuesWrapper
            && JsonLookup.Get(valuesWrapper, "$values") is JsonArray wrappedActivities)
        {
            var children = new List<ActivityNode>();
            for (var i = 0; i < wrappedActivities.Count; i++)
            {
                if (wrappedActivities[i] is JsonObject childJson && ReadActivity(childJson, $"{pointer}/{activitiesKey}/$values/{i}", diagnostics) is { } child)
                {
                    children.Add(child);
                }
            }

            node.Slots[activitiesKey] = children;
        }

        node.Connections.AddRange(ReadConnections(json, pointer));
        node.Variables.AddRange(ReadVariables(json, pointer));
        return node;
    }

    private static bool IsActivityObject(JsonNode? node) =>
        node is JsonObject obj && JsonLookup.Get(obj, "type") is JsonValue type && type.TryGetValue<string>(out _)
        && JsonLookup.Find(obj, "id") is not null;

    private static void ReadWrapped(ActivityNode node, string key, JsonObject wrapped, string pointer)
    {
        var hasExpression = JsonLookup.Find(wrapped, "expression") is not null;
        var typeName = JsonLookup.GetString(wrapped, "typeName");
        if (!hasExpression && typeName is not null && JsonLookup.Get(wrapped, "memoryReference") is JsonObject reference)
        {
            if (JsonLookup.GetString(reference, "id") is { Length: > 0 } target)
            {
                node.OutputBindings[key] = target;
            }

            return;
        }

        // An input object carries only typeName, expression and bookkeeping; an embedded variable (SetVariable.variable) has more.
        if (hasExpression || typeName is not null && wrapped.All(p => InputFields.Contains(p.Key)))
        {
            node.Inputs[key] = ReadExpression(key, typeName, JsonLookup.Get(wrapped, "expression"), pointer);
        }
    }

    /// <summary>Reads <c>{type, value}</c>; a primitive reads as a Literal, a missing type means Literal.</summary>
    public static ExpressionInput ReadExpression(string name, string? typeName, JsonNode? expression, string pointer) => expression switch
    {
        JsonObject obj => new ExpressionInput(name, typeName, JsonLookup.GetString(obj, "type") ?? "Literal", JsonLookup.Get(obj, "value")?.DeepClone(), pointer),
        null => new ExpressionInput(name, typeName, "Literal", null, pointer),
        _ => new ExpressionInput(name, typeName, "Literal", expression.DeepClone(), pointer),
    };

    private static IEnumerable<ConnectionDefinition> ReadConnections(JsonObject json, string pointer)
    {
        var key = JsonLookup.Find(json, "connections");
        if (key is null)
        {
            yield break;
        }

        var basePointer = pointer + "/" + key;
        var value = json[key];
        if (value is JsonObject wrapper && JsonLookup.Find(wrapper, "$values") is { } valuesKey)
        {
            value = wrapper[valuesKey];
            basePointer += "/" + Definitions.JsonLineMap.Escape(valuesKey);
        }

        if (value is JsonObject single)
        {
            if (ReadConnection(single, basePointer) is { } connection)
            {
                yield return connection;
            }

            yield break;
        }

        if (value is not JsonArray array)
        {
            yield break;
        }

        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is JsonObject item && ReadConnection(item, $"{basePointer}/{i}") is { } connection)
            {
                yield return connection;
            }
        }
    }

    private static ConnectionDefinition? ReadConnection(JsonObject json, string pointer)
    {
        var sourceKey = JsonLookup.Find(json, "source") ?? "source";
        var targetKey = JsonLookup.Find(json, "target") ?? "target";
        var source = json[sourceKey];
        var target = json[targetKey];
        if (source is JsonValue && target is JsonValue)
        {
            // The pre-3.0 flat shape: { source, target, sourcePort, targetPort }.
            var sourcePortKey = JsonLookup.Find(json, "sourcePort") ?? "sourcePort";
            return new ConnectionDefinition(
                source.GetValue<string>(),
                JsonLookup.GetString(json, "sourcePort") ?? "Done",
                target.GetValue<string>(),
                JsonLookup.GetString(json, "targetPort") ?? "In",
                pointer)
            {
                SourcePointer = $"{pointer}/{sourceKey}",
                TargetPointer = $"{pointer}/{targetKey}",
                SourcePortPointer = $"{pointer}/{sourcePortKey}",
            };
        }

        if (source is JsonObject sourceObject && target is JsonObject targetObject
            && JsonLookup.GetString(sourceObject, "activity") is { } sourceId && JsonLookup.GetString(targetObject, "activity") is { } targetId)
        {
            return new ConnectionDefinition(
                sourceId,
                JsonLookup.GetString(sourceObject, "port") ?? "Done",
                targetId,
                JsonLookup.GetString(targetObject, "port") ?? "In",
                pointer)
            {
                SourcePointer = $"{pointer}/{sourceKey}/{JsonLookup.Find(sourceObject, "activity")}",
                TargetPointer = $"{pointer}/{targetKey}/{JsonLookup.Find(targetObject, "activity")}",
                SourcePortPointer = $"{pointer}/{sourceKey}/{JsonLookup.Find(sourceObject, "port") ?? "port"}",
            };
        }

        return null;
    }

    private static IEnumerable<VariableDefinition> ReadVariables(JsonObject json, string pointer)
    {
        var key = JsonLookup.Find(json, "variables");
        if (key is null)
        {
            yield break;
        }

        var value = json[key];
        var basePointer = pointer + "/" + key;
        if (value is JsonObject wrapper && JsonLookup.Find(wrapper, "$values") is { } valuesKey)
        {
            value = wrapper[valuesKey];
            basePointer += "/" + Definitions.JsonLineMap.Escape(valuesKey);
        }

        if (value is not JsonArray array)
        {
            yield break;
        }

        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is JsonObject variable && ReadVariable(variable, $"{basePointer}/{i}") is { } definition)
            {
                yield return definition;
            }
        }
    }

    public static VariableDefinition? ReadVariable(JsonObject variable, string pointer)
    {
        var id = JsonLookup.GetString(variable, "id");
        var name = JsonLookup.GetString(variable, "name");
        if (id is null && name is null)
        {
            return null;
        }

        return new VariableDefinition(
            id ?? name!,
            name ?? id!,
            JsonLookup.GetString(variable, "typeName") ?? JsonLookup.GetString(variable, "type") ?? "Object",
            JsonLookup.GetBool(variable, "isArray"),
            JsonLookup.Get(variable, "value")?.DeepClone(),
            pointer);
    }
}
