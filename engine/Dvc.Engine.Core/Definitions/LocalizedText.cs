using System.Globalization;
using System.Text.Json.Nodes;

namespace Dvc.Engine.Core.Definitions;

/// <summary>Citizen-facing text: Vietnamese first (required), English second (falls back to Vietnamese).</summary>
public sealed record LocalizedText(string Vi, string En)
{
    public static LocalizedText Empty { get; } = new(string.Empty, string.Empty);

    /// <summary>Same text in both languages, for values that are not translated (names, codes).</summary>
    public static LocalizedText Both(string text) => new(text, text);

    /// <summary>The text for a culture name such as "vi", "vi-VN", "en", "en-US"; anything not English gets Vietnamese.</summary>
    public string Get(string? culture) =>
        culture is not null && culture.StartsWith("en", StringComparison.OrdinalIgnoreCase) && En.Length > 0 ? En : Vi;

    public string Get(CultureInfo culture) => Get(culture.Name);

    /// <summary>Reads <c>{ "vi": "…", "en": "…" }</c> (or a plain string); null when absent or without <c>vi</c>.</summary>
    public static LocalizedText? From(JsonNode? node)
    {
        switch (node)
        {
            case JsonValue value when value.TryGetValue<string>(out var text):
                return Both(text);
            case JsonObject obj when obj["vi"] is JsonValue vi && vi.TryGetValue<string>(out var viText):
                var en = obj["en"] is JsonValue enValue && enValue.TryGetValue<string>(out var enText) ? enText : string.Empty;
                return new LocalizedText(viText, en.Length > 0 ? en : viText);
            default:
                return null;
        }
    }

    public JsonObject ToJson() => new() { ["vi"] = Vi, ["en"] = En };

    public override string ToString() => Vi;
}
