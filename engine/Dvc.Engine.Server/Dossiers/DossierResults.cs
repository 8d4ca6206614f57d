using System.Text;
using System.Text.Json.Nodes;
using Dvc.Engine.Core.Calendar;
using Dvc.Engine.Core.Definitions;
using Dvc.Engine.Core.Templates;
using Dvc.Engine.Persistence.Dossiers;
using Dvc.Engine.Server.Storage;

namespace Dvc.Engine.Server.Dossiers;

/// <summary>
/// The dossier part of the template model the workflow's result and notification templates see, and the issued result
/// document the citizen downloads.
/// </summary>
internal sealed class DossierResults(FileStore files)
{
    public const string ResultContentType = "text/plain; charset=utf-8";

    /// <summary>
    /// The template model of definitions/README.md: <c>dossier</c> with code, dates, fee, what the citizen has
    /// <c>paid</c> (what a refusal refunds), status and decision.
    /// </summary>
    public JsonObject DossierModel(DossierRecord dossier, string? outcome, string? comment, string? officer, long paid = 0) =>
        TemplateModel.DossierObject(
            dossier.Code,
            WorkingCalendar.ToLocalDate(dossier.SubmittedAt),
            dossier.FeeVnd ?? 0,
            dossier.Status,
            dossier.DueAt is { } due ? WorkingCalendar.ToLocalDate(due) : null,
            outcome,
            comment,
            officer,
            paid);

    public async Task<ResultDocument?> ReadAsync(DossierRecord dossier, CancellationToken ct)
    {
        if (dossier.ResultFileKey is null || await files.ReadAsync(dossier.ResultFileKey, ct) is not { } content)
        {
            return null;
        }

        // A plugin may have printed the result as PDF; the plain-text result is the fallback.
        return content.AsSpan().StartsWith("%PDF-"u8)
            ? new ResultDocument($"{dossier.Code}-ket-qua.pdf", "application/pdf", content)
            : new ResultDocument($"{dossier.Code}-ket-qua.txt", ResultContentType, content);
    }
}
