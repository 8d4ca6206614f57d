using System.Text.Json.Nodes;

namespace Dvc.Engine.Server.Dossiers;

/// <summary>
/// RFC 7396 JSON merge patch: what a supplement's corrections mean. A member in the patch replaces the submission's
/// member (objects merge member by member, arrays are replaced whole), <c>null</c> removes it, and what the patch does not
/// mention stays as filed — so a citizen can correct one field without sending the whole form again.
/// </summary>
internal static class JsonMergePatch
{
    public static JsonObject Apply(JsonObject? target, JsonObject patch)
    {
        var result = target?.DeepClone() as JsonObject ?? [];
        foreach (var (name, value) in patch)
        {
            if (value is null)
            {
                result.Remove(name);
            }
            else if (value is JsonObject inner)
            {
                result[name] = Apply(result[name] as JsonObject, inner);
            }
            else
            {
                result[name] = value.DeepClone();
            }
        }

        return result;
    }
}
