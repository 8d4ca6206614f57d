using System.Text.Json.Nodes;
using Dvc.Engine.Server.Localization;

namespace Dvc.Engine.Server.Forms;

/// <summary>A definition's <c>{ "vi": "…", "en": "…" }</c> text; English falls back to Vietnamese.</summary>
internal sealed record LocalizedString(string Vi, string? En)
{
    public static readonly LocalizedString Empty = new("", null);

    public string Current => PortalCultures.IsEnglish && !string.IsNullOrEmpty(En) ? En : Vi;

    public string In(string culture) => culture == PortalCultures.English && !string.IsNullOrEmpty(En) ? En : Vi;

    public override string ToString() => Current;

    public static LocalizedString From(JsonNode? node) => node switch
    {
        JsonObject o => new LocalizedString(o["vi"]?.GetValue<string>() ?? "", o["en"]?.GetValue<string>()),
        JsonValue v when v.TryGetValue<string>(out var s) => new LocalizedString(s, null),
        _ => Empty,
    };
}
