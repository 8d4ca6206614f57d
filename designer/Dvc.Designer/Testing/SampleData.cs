using System.Text.Json.Nodes;
using Dvc.Designer.Forms;

namespace Dvc.Designer.Testing;

/// <summary>A starting submission for the tester: every field of the form with an empty or typical value to overwrite.</summary>
public static class SampleData
{
    public static JsonObject Blank(FormSchemaEditor? form)
    {
        var data = new JsonObject();
        foreach (var node in form?.Tree() ?? [])
        {
            data[node.Name] = Value(node);
        }

        return data;
    }

    private static JsonNode? Value(FieldNode node) => node.Kind switch
    {
        FieldKind.Group or FieldKind.Applicant or FieldKind.Address => new JsonObject([.. node.Children.Where(c => !c.Hidden).Select(c => KeyValuePair.Create(c.Name, Value(c)))]),
        FieldKind.Repeat => new JsonArray(new JsonObject([.. node.Children.Select(c => KeyValuePair.Create(c.Name, Value(c)))])),
        FieldKind.Checkbox => JsonValue.Create(false),
        FieldKind.MultiChoice => new JsonArray(),
        FieldKind.Number or FieldKind.Money => JsonValue.Create(0),
        FieldKind.Date => JsonValue.Create("1990-01-01"),
        _ => JsonValue.Create(""),
    };
}
