using System.Globalization;
using System.Text.Json.Nodes;
using Dvc.Engine.Server.Localization;

namespace Dvc.Engine.Server.Forms;

/// <summary>
/// Converts the generated form's posted fields (named by JSON pointer) into the submission object, typed by the
/// schema: dates dd/MM/yyyy → ISO, numbers parsed, checkboxes to booleans, repeating groups compacted, and values of
/// fields hidden by <c>visibleWhen</c> dropped so they are neither stored nor validated.
/// </summary>
internal sealed partial class FormPostReader(PortalText text)
{
    public FormPost Read(FormLayout layout, IReadOnlyDictionary<string, string> posted) =>
        Read(layout, posted.ToDictionary(p => p.Key, p => new[] { p.Value }, StringComparer.Ordinal));

    /// <summary>
    /// Reads a post where a name may carry several values (the checkboxes of a multiple choice). A part of a form
    /// (<paramref name="whole"/> false: a supplement's fields) keeps hidden fields' values, since the fields deciding
    /// their visibility may not be on the page.
    /// </summary>
    public FormPost Read(FormLayout layout, IReadOnlyDictionary<string, string[]> posted, bool whole = true)
    {
        var raw = new Dictionary<string, string>(StringComparer.Ordinal);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var root = new JsonObject();
        var fields = layout.AllFields.ToList();
        ReadFields(fields, [], root, posted, raw, errors);
        if (whole)
        {
            DropHidden(fields, root, root);
        }

        return new FormPost(root, raw, errors);
    }

    private void ReadFields(
        IReadOnlyList<FormField> fields,
        int[] indexes,
        JsonObject target,
        IReadOnlyDictionary<string, string[]> posted,
        Dictionary<string, string> raw,
        Dictionary<string, string[]> errors)
    {
        foreach (var field in fields)
        {
            var pointer = field.PointerAt(indexes);
            if (field.IsGroup)
            {
                var group = new JsonObject();
                ReadFields(field.Children, indexes, group, posted, raw, errors);
                target[field.Name] = group;
                continue;
            }

            if (field.IsRepeat)
            {
                var array = new JsonArray();
                foreach (var index in ItemIndexes(pointer, posted))
                {
                    var item = new JsonObject();
                    ReadFields(field.Children, [.. indexes, index], item, posted, raw, errors);
                    if (item.Count > 0 && HasAnyValue(item))
                    {
                        array.Add(item);
                    }
                }

                target[field.Name] = array;
                continue;
            }

            if (field.IsMultiChoice)
            {
                var chosen = posted.TryGetValue(pointer, out var values) ? values.Where(v => !string.IsNullOrWhiteSpace(v)).ToArray() : [];
                target[field.Name] = new JsonArray([.. chosen.Select(v => (JsonNode?)JsonValue.Create(v.Trim()))]);
                continue;
            }

            var value = posted.TryGetValue(pointer, out var all) && all.Length > 0 ? all[0]?.Trim() : null;
            if (field.Widget == FormWidgets.Checkbox && field.JsonType == "boolean")
            {
                target[field.Name] = value is "true" or "on";
                continue;
            }

            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            raw[pointer] = value;
            var converted = Convert(field, value);
            if (converted is null)
            {
                errors[pointer] = [text[field.Format == "date" ? "form.dateInvalid" : field.JsonType == "integer" ? "form.integerInvalid" : "form.numberInvalid"]];
                continue;
            }

            target[field.Name] = converted;
        }
    }

    /// <summary>Indexes used by the posted names of a repeating group, in order (gaps left by removed items closed).</summary>
    private static IEnumerable<int> ItemIndexes(string pointer, IReadOnlyDictionary<string, string[]> posted)
    {
        var prefix = pointer + "/";
        return posted.Keys
            .Where(k => k.StartsWith(prefix, StringComparison.Ordinal))
            .Select(k => k[prefix.Length..].Split('/')[0])
            .Select(s => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : -1)
            .Where(i => i >= 0)
            .Distinct()
            .Order();
    }

    private static bool HasAnyValue(JsonObject item) => item.Any(p => p.Value switch
    {
        JsonObject o => HasAnyValue(o),
        JsonArray a => a.Count > 0,
        JsonValue v when v.TryGetValue<bool>(out var b) => b,
        null => false,
        _ => true,
    });

    /// <summary>Runs after the whole form is read, so a rule may look at a field posted later in the form.</summary>
    private static void DropHidden(IReadOnlyList<FormField> fields, JsonObject target, JsonObject root)
    {
        foreach (var field in fields)
        {
            if (field.VisibleWhen is { } rule && !FormVisibilityEvaluator.IsVisible(rule, target, root))
            {
                target.Remove(field.Name);
                continue;
            }

            if (field.IsGroup && target[field.Name] is JsonObject group)
            {
                DropHidden(field.Children, group, root);
            }
            else if (field.IsRepeat && target[field.Name] is JsonArray items)
            {
                foreach (var item in items.OfType<JsonObject>())
                {
                    DropHidden(field.Children, item, root);
                }
            }
        }
    }

    internal static JsonNode? Convert(FormField field, string value)
    {
        if (field.Format == "date" || field.Widget == FormWidgets.Date)
        {
            // Day first, as Vietnamese papers write it: 02/11/1994, 2/11/1994, 02-11-1994, 02.11.1994.
            string[] formats = ["dd/MM/yyyy", "d/M/yyyy", "d-M-yyyy", "d.M.yyyy", "yyyy-MM-dd"];
            return DateOnly.TryParseExact(value, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? JsonValue.Create(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
                : null;
        }

        switch (field.JsonType)
        {
            case "integer":
                // "500.000.000" and "1,200" are thousands; "1,5" or "1.5" is not a whole number and must not become 15.
                if (!WholeNumber().IsMatch(value.Trim()))
                {
                    return null;
                }

                var digits = value.Trim().Replace(".", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal);
                return long.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) ? JsonValue.Create(l) : null;
            case "number":
                return decimal.TryParse(value.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? JsonValue.Create(d) : null;
            case "boolean":
                return value switch { "true" or "on" => JsonValue.Create(true), "false" => JsonValue.Create(false), _ => null };
            default:
                return JsonValue.Create(value);
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^[+-]?(\d+|\d{1,3}([., ]\d{3})+)$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex WholeNumber();
}
