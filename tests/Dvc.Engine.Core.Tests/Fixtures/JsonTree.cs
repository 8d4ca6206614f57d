using System.Text.Json.Nodes;

namespace Dvc.Engine.Core.Tests.Fixtures;

/// <summary>Walks a JSON tree, for tests that damage a definition at random places.</summary>
internal static class JsonTree
{
    /// <summary><paramref name="node"/> and every node below it, depth first; null values are skipped.</summary>
    public static IEnumerable<JsonNode> Descendants(JsonNode node)
    {
        yield return node;
        var children = node switch
        {
            JsonObject obj => obj.Select(p => p.Value),
            JsonArray array => array.AsEnumerable(),
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>().SelectMany(Descendants))
        {
            yield return child;
        }
    }

    /// <summary>Puts <paramref name="value"/> where <paramref name="node"/> is in its parent object or array.</summary>
    public static void Replace(JsonNode node, JsonNode? value)
    {
        switch (node.Parent)
        {
            case JsonObject parent:
                parent[node.GetPropertyName()] = value;
                break;
            case JsonArray array:
                array[node.GetElementIndex()] = value;
                break;
        }
    }

    /// <summary>Takes <paramref name="node"/> out of its parent object or array.</summary>
    public static void Remove(JsonNode node)
    {
        switch (node.Parent)
        {
            case JsonObject parent:
                parent.Remove(node.GetPropertyName());
                break;
            case JsonArray array:
                array.RemoveAt(node.GetElementIndex());
                break;
        }
    }
}
