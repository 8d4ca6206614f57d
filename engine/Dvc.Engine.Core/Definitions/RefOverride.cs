using System.Text.Json.Nodes;

namespace Dvc.Engine.Core.Definitions;

/// <summary>
/// How keys next to a file <c>$ref</c> override the referenced object: objects merge key by key (so a form can change
/// only <c>x-ui.label</c>), anything else replaces, and a null removes the key as in a JSON merge patch (so a form can
/// drop a field of a shared fragment: <c>"properties": { "email": null }</c>). The loader and the designer both use it.
/// </summary>
public static class RefOverride
{
    public static void Merge(JsonObject into, string key, JsonNode? value)
    {
        if (value is null)
        {
            into.Remove(key);
            return;
        }

        if (into[key] is JsonObject existing && value is JsonObject overrides)
        {
            foreach (var (childKey, childValue) in overrides.ToList())
            {
                overrides.Remove(childKey);
                Merge(existing, childKey, childValue);
            }

            return;
        }

        into[key] = value;
    }
}
