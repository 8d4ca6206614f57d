using System.Text.Json.Nodes;
using Dvc.Engine.Server.Localization;

namespace Dvc.Engine.Server.Forms;

/// <summary>
/// The server's half of the district → ward cascade. The schema only says "a string of 2 to 100 characters", so
/// without this a ward of another district (or a made-up name) was accepted from the API or a page without script.
/// A unit must belong to the parent chosen next to it whenever the list knows that parent's children; where a
/// list is incomplete (<see cref="FormField.FreeText"/>, e.g. rural districts' communes) typed text stays allowed.
/// </summary>
internal static class AdministrativeUnitCheck
{
    public static Dictionary<string, string> Check(FormLayout layout, JsonObject data, PortalText text)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        Walk(layout.AllFields, data, data, [], errors, text);
        return errors;
    }

    private static void Walk(IEnumerable<FormField> fields, JsonObject siblings, JsonObject root, int[] indexes, Dictionary<string, string> errors, PortalText text)
    {
        foreach (var field in fields)
        {
            if (field.VisibleWhen is { } rule && !FormVisibilityEvaluator.IsVisible(rule, siblings, root))
            {
                continue;
            }

            var value = siblings[field.Name];
            if (field.IsGroup && value is JsonObject group)
            {
                Walk(field.Children, group, root, indexes, errors, text);
            }
            else if (field.IsRepeat && value is JsonArray items)
            {
                for (var i = 0; i < items.Count; i++)
                {
                    if (items[i] is JsonObject item)
                    {
                        Walk(field.Children, item, root, [.. indexes, i], errors, text);
                    }
                }
            }
            else if (field.Widget is FormWidgets.District or FormWidgets.Ward && field.Options.Count > 0
                && value is JsonValue v && v.TryGetValue<string>(out var unit) && unit.Trim().Length > 0
                && Problem(field, unit.Trim(), siblings, text) is { } message)
            {
                errors[field.PointerAt(indexes)] = message;
            }
        }
    }

    private static string? Problem(FormField field, string unit, JsonObject siblings, PortalText text)
    {
        var parent = field.CascadeFrom is { } from && siblings[from] is JsonValue p && p.TryGetValue<string>(out var parentValue)
            ? parentValue.Trim()
            : null;
        var candidates = string.IsNullOrEmpty(parent)
            ? field.Options
            : field.Options.Where(o => o.Parent is null || string.Equals(o.Parent, parent, StringComparison.Ordinal)).ToList();

        if (candidates.Any(o => string.Equals(o.Value, unit, StringComparison.Ordinal)))
        {
            return null;
        }

        if (field.FreeText && candidates.Count == 0)
        {
            // The list does not know this parent's units: the typed name is taken as written.
            return null;
        }

        var known = field.Options.Any(o => string.Equals(o.Value, unit, StringComparison.Ordinal));
        return known && !string.IsNullOrEmpty(parent)
            ? text.Format("form.unitNotInParent", unit, parent)
            : field.FreeText ? null : text.Format("form.unitUnknown", unit);
    }
}
