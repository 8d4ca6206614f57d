using System.Globalization;
using System.Text.Json.Nodes;

namespace Dvc.Engine.Core.Templates;

/// <summary>
/// What a template sees: <c>data</c> (the submission), <c>dossier</c> (code, submitted_on, due_on, fee, paid, status,
/// decision {outcome, comment, officer}) and <c>today</c>; <c>procedure</c> (code, name, agency) is added from the manifest.
/// <see cref="Extra"/> adds further top-level values a caller provides (a plugin's <c>payment</c> or <c>shipment</c>);
/// it never replaces the names above.
/// </summary>
public sealed record TemplateModel(JsonObject Data, JsonObject? Dossier = null, DateOnly? Today = null, JsonObject? Extra = null)
{
    /// <summary>
    /// The <c>dossier</c> object of definitions/README.md. The server, <c>dvc run</c> and <c>dvc test</c> all build it here, so a
    /// rejection letter tested with <c>dvc test</c> reads the officer's comment exactly as the issued one does.
    /// </summary>
    /// <param name="dueOn">The legal deadline (the appointment date of the receipt), when known.</param>
    /// <param name="outcome">The officer's decision that led to this rendering (an outcome such as <c>Reject</c>), or null.</param>
    /// <param name="paid">What the citizen has paid so far: a refusal refunds this, never a fee that was not paid.</param>
    public static JsonObject DossierObject(
        string code, DateOnly submittedOn, long fee, string? status, DateOnly? dueOn, string? outcome, string? comment, string? officer, long paid = 0) => new()
    {
        ["code"] = code,
        ["submitted_on"] = IsoDate(submittedOn),
        ["due_on"] = dueOn is { } due ? IsoDate(due) : null,
        ["fee"] = fee,
        ["paid"] = paid,
        ["status"] = status,
        ["decision"] = outcome is null ? null : new JsonObject { ["outcome"] = outcome, ["comment"] = comment, ["officer"] = officer },
    };

    private static string IsoDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
