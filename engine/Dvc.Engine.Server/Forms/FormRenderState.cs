using System.Globalization;
using System.Text.Json.Nodes;

namespace Dvc.Engine.Server.Forms;

/// <summary>What a generated form shows: current values, what was typed, and errors, all keyed by JSON pointer.</summary>
internal sealed class FormRenderState(JsonObject values, IReadOnlyDictionary<string, string>? raw, IReadOnlyDictionary<string, string[]>? errors)
{
    public static FormRenderState Empty() => new(new JsonObject(), null, null) { Fresh = true };

    /// <summary>A form nobody has filled yet: schema defaults are shown.</summary>
    public bool Fresh { get; init; }

    public JsonObject Values { get; } = values;

    /// <summary>Values verified by the national identity, by pointer: shown locked, with a "verified" mark.</summary>
    public IReadOnlyDictionary<string, string> Verified { get; set; } = new Dictionary<string, string>();

    public bool IsVerified(string pointer) => Verified.ContainsKey(pointer);

    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors ?? new Dictionary<string, string[]>();

    public JsonNode? ValueAt(string pointer)
    {
        JsonNode? node = Values;
        foreach (var segment in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            node = node switch
            {
                JsonObject o => o[name],
                JsonArray a when int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < a.Count => a[i],
                _ => null,
            };
        }

        return node;
    }

    /// <summary>The text to put back in the input: what was typed, else the stored value shown the portal's way.</summary>
    public string Display(FormField field, string pointer)
    {
        // A verified value shows as verified, whatever a tampered post said.
        var isVerified = Verified.TryGetValue(pointer, out var verified);
        if (!isVerified && raw is not null && raw.TryGetValue(pointer, out var typed))
        {
            return typed;
        }

        var value = isVerified ? JsonValue.Create(verified) : ValueAt(pointer);
        if (value is null)
        {
            return Fresh ? field.Default ?? "" : "";
        }

        var text = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value.ToJsonString();
        if ((field.Format == "date" || field.Widget == FormWidgets.Date)
            && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        }

        return text;
    }

    /// <summary>The values chosen in a multiple-choice field.</summary>
    public IReadOnlySet<string> Chosen(string pointer) =>
        ValueAt(pointer) is JsonArray a ? a.Select(v => v?.ToString() ?? "").ToHashSet(StringComparer.Ordinal) : new HashSet<string>();

    public string[] ErrorsAt(string pointer) => Errors.TryGetValue(pointer, out var e) ? e : [];

    public int ItemCount(string pointer) => ValueAt(pointer) is JsonArray a ? a.Count : 0;
}
