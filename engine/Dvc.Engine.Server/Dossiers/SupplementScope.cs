using System.Text.Json.Nodes;

namespace Dvc.Engine.Server.Dossiers;

/// <summary>
/// What an officer's supplement request names: form fields (JSON pointers such as <c>/extraCopies</c>, a group or a
/// repeating group as a whole) and attachments (ids). Empty lists mean the request names nothing in particular, so the
/// citizen may correct any field and attach any document.
/// </summary>
internal sealed record SupplementScope(IReadOnlyList<string> Fields, IReadOnlyList<string> Attachments)
{
    public static readonly SupplementScope Everything = new([], []);

    public bool NamesFields => Fields.Count > 0;

    public bool NamesAttachments => Attachments.Count > 0;

    public bool IsEmpty => !NamesFields && !NamesAttachments;

    /// <summary>Whether the citizen may change the value at <paramref name="pointer"/> (a field or anything inside a named group).</summary>
    public bool Allows(string pointer) =>
        !NamesFields || Fields.Any(f => pointer == f || pointer.StartsWith(f + "/", StringComparison.Ordinal));

    /// <summary>Whether the citizen may attach a document of <paramref name="attachmentId"/>.</summary>
    public bool AllowsAttachment(string attachmentId) => !NamesAttachments || Attachments.Contains(attachmentId, StringComparer.Ordinal);

    public static SupplementScope FromJson(JsonNode? json) => new(Strings(json?["fields"]), Strings(json?["attachments"]));

    public void WriteTo(JsonObject json)
    {
        json["fields"] = new JsonArray([.. Fields.Select(f => (JsonNode)JsonValue.Create(f))]);
        json["attachments"] = new JsonArray([.. Attachments.Select(a => (JsonNode)JsonValue.Create(a))]);
    }

    public JsonObject ToJson()
    {
        var json = new JsonObject();
        WriteTo(json);
        return json;
    }

    private static string[] Strings(JsonNode? node) =>
        node is JsonArray array ? [.. array.Select(x => x is JsonValue v && v.TryGetValue<string>(out var s) ? s : null).OfType<string>().Distinct(StringComparer.Ordinal)] : [];
}
