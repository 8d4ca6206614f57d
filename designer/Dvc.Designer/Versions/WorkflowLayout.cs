using System.Text.Json.Nodes;

namespace Dvc.Designer.Versions;

/// <summary>
/// The canvas layout inside an Elsa workflow (<c>metadata.designer</c> with positions and sizes, connection
/// <c>vertices</c>): kept in the file so Elsa Studio opens it as drawn, but not part of what the procedure does, so a
/// layout-only change never makes a new version.
/// </summary>
public static class WorkflowLayout
{
    public static JsonNode? Strip(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    if (key == "vertices")
                    {
                        continue;
                    }

                    if (key == "metadata" && value is JsonObject metadata)
                    {
                        var rest = (JsonObject)Strip(metadata)!;
                        rest.Remove("designer");
                        if (rest.Count > 0)
                        {
                            copy[key] = rest;
                        }

                        continue;
                    }

                    copy[key] = Strip(value);
                }

                return copy;
            case JsonArray array:
                return new JsonArray([.. array.Select(Strip)]);
            default:
                return node?.DeepClone();
        }
    }

    /// <summary>True when the two files differ only in layout.</summary>
    public static bool OnlyLayoutDiffers(string? a, string? b) =>
        a != b && Drafts.ProcedureFiles.TryParse(a) is { } x && Drafts.ProcedureFiles.TryParse(b) is { } y && JsonNode.DeepEquals(Strip(x), Strip(y));
}
