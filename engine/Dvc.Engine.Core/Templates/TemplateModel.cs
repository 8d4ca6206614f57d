using System.Text.Json.Nodes;

namespace Dvc.Engine.Core.Templates;

/// <summary>
/// What a template sees: <c>data</c> (the submission), <c>dossier</c> (code, submitted_on, fee, status, decision {outcome,
/// comment, officer}) and <c>today</c>; <c>procedure</c> (code, name, agency) is added from the manifest.
/// <see cref="Extra"/> adds further top-level values a caller provides (a plugin's <c>payment</c> or <c>shipment</c>);
/// it never replaces the names above.
/// </summary>
public sealed record TemplateModel(JsonObject Data, JsonObject? Dossier = null, DateOnly? Today = null, JsonObject? Extra = null);
