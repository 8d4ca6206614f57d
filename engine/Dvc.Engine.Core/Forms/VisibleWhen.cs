using System.Text.Json.Nodes;

namespace Dvc.Engine.Core.Forms;

/// <summary>
/// <c>x-ui.visibleWhen</c>: the field is shown (and validated) only while another field equals a value or is in a list.
/// <see cref="Field"/> is a sibling name or an absolute JSON pointer into the submission.
/// </summary>
public sealed record VisibleWhen(string Field, IReadOnlyList<JsonNode?> Values)
{
    public bool IsVisible(JsonObject parent, JsonObject root)
    {
        JsonNode? actual;
        if (Field.StartsWith('/'))
        {
            Definitions.JsonPointer.TryNavigate(root, Field, out actual);
        }
        else
        {
            parent.TryGetPropertyValue(Field, out actual);
        }

        return Values.Any(value => JsonNode.DeepEquals(value, actual));
    }
}
