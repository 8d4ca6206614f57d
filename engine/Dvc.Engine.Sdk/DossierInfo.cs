using System.Text.Json;

namespace Dvc.Engine.Sdk;

/// <summary>The dossier a workflow instance processes, as activities may see it.</summary>
/// <param name="Code">The dossier's human-readable code.</param>
/// <param name="ProcedureCode">The code of the procedure the dossier was submitted under.</param>
/// <param name="Data">The citizen's submission (a JSON object).</param>
/// <param name="Fee">The fee in VND computed by the fee rules, when there is one.</param>
/// <param name="ServiceLevel">3 (submit online) or 4 (pay and receive online too).</param>
public sealed record DossierInfo(string Code, string ProcedureCode, JsonElement Data, decimal? Fee = null, int ServiceLevel = 3);
