using System.Text.Json;
using System.Text.Json.Nodes;
using Dvc.Engine.Core.Workflows.Model;

namespace Dvc.Engine.Core.Workflows.Serialization;

/// <summary>
/// Writes a workflow back as Elsa 3 JSON. The document's own JSON is written, so designer metadata, unknown
/// activities and unknown fields come back unchanged. <see cref="Normalize"/> additionally rewrites pre-3.0 flat
/// connections and <c>$values</c> wrappers into the current shape.
/// </summary>
public static class WorkflowWriter
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>UTF-8 JSON without a BOM, indented.</summary>
    public static byte[] Write(WorkflowDocument document, bool normalize = false)
    {
        ArgumentNullException.ThrowIfNull(document);
        var json = (JsonObject)document.Json.DeepClone();
        if (normalize)
        {
            Normalize(json);
        }

        return JsonSerializer.SerializeToUtf8Bytes(json, Indented);
    }

    /// <summary>Rewrites every flowchart's connections into the current <c>{source:{activity,port}, target:{activity,port}}</c> shape.</summary>
    public static void Normalize(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (JsonLookup.Find(obj, "connections") is { } key)
                {
                    obj[key] = NormalizeConnections(obj[key]);
                }

                foreach (var (_, value) in obj.ToList())
                {
                    Normalize(value);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Normalize(item);
                }

                break;
        }
    }

    private static JsonArray NormalizeConnections(JsonNode? connections)
    {
        if (connections is JsonObject wrapper && JsonLookup.Get(wrapper, "$values") is { } values)
        {
            connections = values;
        }

        var items = connections switch
        {
            JsonArray array => array.ToList(),
            JsonObject single => [single],
            _ => [],
        };

        var result = new JsonArray();
        foreach (var item in items.OfType<JsonObject>())
        {
            if (JsonLookup.Get(item, "source") is JsonValue source && JsonLookup.Get(item, "target") is JsonValue target)
            {
                result.Add(new JsonObject
                {
                    ["source"] = new JsonObject { ["activity"] = source.GetValue<string>(), ["port"] = JsonLookup.GetString(item, "sourcePort") ?? "Done" },
                    ["target"] = new JsonObject { ["activity"] = target.GetValue<string>(), ["port"] = JsonLookup.GetString(item, "targetPort") ?? "In" },
                });
            }
            else
            {
                result.Add(item.DeepClone());
            }
        }

        return result;
    }
}
