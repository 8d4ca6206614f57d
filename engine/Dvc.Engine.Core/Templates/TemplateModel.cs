using System.Text.Json.Nodes;

namespace Dvc.Engine.Core.Templates;

/// <summary>
/// What a template sees: <c>data</c> (the submission), <c>dossier</c> (code, submitted_on, fee, status, decision {outcome,
/// comment, officer}) and <c>today</c>; <c>procedure</c> (code, name, agency) is added from the manifest.
/// </summary>
public sealed record TemplateModel(JsonObject Data, JsonObject? Dossier = null, DateOnly? Today = null);
