using System.Globalization;
using System.Text.Json.Nodes;
using Dvc.Engine.Server.Localization;

namespace Dvc.Engine.Server.Forms;

/// <summary>
/// A value of the submission as people read it, wherever it is shown outside the form (what a supplement changed,
/// what a rule read): the field's label path and the value formatted the portal's way — dd/MM/yyyy, option labels,
/// Có/Không — never a JSON pointer or an enum value when the form knows better.
/// </summary>
internal static class FormValueText
{
    /// <summary>"Người đề nghị › Ngày sinh"; an item of a repeating group is numbered from 1. The pointer itself when the form has no such field.</summary>
    public static string Label(FormLayout? layout, string pointer)
    {
        var parts = new List<string>();
        var fields = layout?.AllFields.ToList() ?? [];
        foreach (var segment in Segments(pointer))
        {
            if (int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && parts.Count > 0)
            {
                parts[^1] += $" ({index + 1})";
                continue;
            }

            if (fields.FirstOrDefault(f => f.Name == segment) is not { } field)
            {
                return parts.Count == 0 ? pointer : string.Join(" › ", parts.Append(segment));
            }

            parts.Add(field.Label.Current);
            fields = [.. field.Children];
        }

        return string.Join(" › ", parts);
    }

    public static string Format(FormLayout? layout, string pointer, JsonNode? value, PortalText text) => Format(FormLayoutIndex.FieldAt(layout, pointer), value, text);

    public static string Format(FormField? field, JsonNode? value, PortalText text)
    {
        switch (value)
        {
            case null:
                return "—";
            case JsonArray items when items.All(i => i is JsonObject):
                return items.Count == 0 ? "—" : string.Join(" | ", items.OfType<JsonObject>().Select(item => Format(field, item, text)));
            case JsonArray list:
                return list.Count == 0 ? "—" : string.Join(", ", list.Select(v => Option(field, v?.ToString() ?? "")));
            case JsonObject group:
                return string.Join("; ", group.Select(p =>
                {
                    var child = field?.Children.FirstOrDefault(c => c.Name == p.Key);
                    return $"{child?.Label.Current ?? p.Key}: {Format(child, p.Value, text)}";
                }));
            case JsonValue v when v.TryGetValue<bool>(out var flag):
                return flag ? text["form.yes"] : text["form.no"];
            case JsonValue v when v.TryGetValue<string>(out var s):
                return DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                    ? date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)
                    : Option(field, s);
            case JsonValue v when v.TryGetValue<decimal>(out var number):
                return number.ToString("#,0.##", new NumberFormatInfo { NumberGroupSeparator = ".", NumberDecimalSeparator = "," });
            default:
                return value.ToJsonString();
        }
    }

    private static string Option(FormField? field, string value) => field?.Options.FirstOrDefault(o => o.Value == value)?.Label.Current ?? value;

    private static IEnumerable<string> Segments(string pointer) =>
        pointer.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal));
}
