using System.Globalization;
using System.Text.Json.Nodes;

namespace Dvc.Engine.Core.Definitions;

/// <summary>procedure.json, read after it matched procedure.schema.json.</summary>
public sealed record ProcedureManifest(
    string Code,
    string Version,
    LocalizedText Name,
    LocalizedText? Description,
    AgencyReference Agency,
    string AdministrativeLevel,
    int ServiceLevel,
    decimal ProcessingDays,
    LocalizedText FeeDescription,
    string? FeeLegalBasis,
    IReadOnlyList<string> ResultDelivery,
    IReadOnlyList<AttachmentDefinition> Attachments,
    IReadOnlyList<RoleDefinition> Roles,
    ProcedureParts Parts,
    IReadOnlyList<string> LegalBasis,
    bool RequiresVerifiedIdentity = false)
{
    // RequiresVerifiedIdentity: only a citizen signed in with the national identity (VNeID) may file it online; an
    // officer at the counter, who checks the ID card, still may file it for them.

    /// <summary>The procedure's code on the National Public Service Portal (Mã TTHC, e.g. <c>1.002834</c>), when mapped.</summary>
    public string? NationalCode { get; init; }

    public AttachmentDefinition? FindAttachment(string id) => Attachments.FirstOrDefault(a => a.Id == id);

    /// <summary>Reads the manifest leniently: missing values get neutral defaults (schema validation has reported them).</summary>
    internal static ProcedureManifest Read(JsonObject json)
    {
        var parts = json["parts"] as JsonObject ?? [];
        var templates = new Dictionary<string, string>(StringComparer.Ordinal);
        if (parts["templates"] is JsonObject templateMap)
        {
            foreach (var (name, file) in templateMap)
            {
                if (JsonValues.TryGetString(file, out var path))
                {
                    templates[name] = path;
                }
            }
        }

        return new ProcedureManifest(
            Text(json["code"]),
            Text(json["version"]),
            LocalizedText.From(json["name"]) ?? LocalizedText.Empty,
            LocalizedText.From(json["description"]),
            new AgencyReference(Text(JsonValues.Property(json["agency"], "code")), LocalizedText.From(JsonValues.Property(json["agency"], "name")) ?? LocalizedText.Empty),
            Text(json["administrativeLevel"]),
            JsonValues.TryGetDecimal(json["serviceLevel"], out var level) ? (int)level : 0,
            JsonValues.TryGetDecimal(json["processingDays"], out var days) ? days : 0,
            LocalizedText.From(JsonValues.Property(json["fee"], "description")) ?? LocalizedText.Empty,
            JsonValues.TryGetString(JsonValues.Property(json["fee"], "legalBasis"), out var b) ? b : null,
            Strings(json["resultDelivery"]),
            (json["attachments"] as JsonArray ?? []).OfType<JsonObject>().Select(ReadAttachment).ToArray(),
            (json["roles"] as JsonArray ?? []).OfType<JsonObject>().Select(r => new RoleDefinition(Text(r["id"]), LocalizedText.From(r["name"]) ?? LocalizedText.Empty)).ToArray(),
            new ProcedureParts(Text(parts["form"]), Text(parts["rules"]), Text(parts["workflow"]), templates, parts["tests"] is JsonNode t ? Text(t) : null),
            Strings(json["legalBasis"]),
            JsonValues.TryGetBoolean(json["requiresVerifiedIdentity"], out var verified) && verified)
        {
            NationalCode = JsonValues.TryGetString(json["nationalCode"], out var national) ? national : null,
        };
    }

    private static AttachmentDefinition ReadAttachment(JsonObject a) => new(
        Text(a["id"]),
        LocalizedText.From(a["name"]) ?? LocalizedText.Empty,
        JsonValues.TryGetBoolean(a["required"], out var required) && required,
        Strings(a["acceptedTypes"]),
        JsonValues.TryGetDecimal(a["maxSizeMb"], out var size) ? size : 0,
        a["copies"] is JsonNode c ? Text(c) : null);

    private static string Text(JsonNode? node) =>
        JsonValues.TryGetString(node, out var text) ? text
        : JsonValues.TryGetDecimal(node, out var number) ? number.ToString(CultureInfo.InvariantCulture) : string.Empty;

    private static string[] Strings(JsonNode? node) => (node as JsonArray ?? []).Select(Text).ToArray();
}
