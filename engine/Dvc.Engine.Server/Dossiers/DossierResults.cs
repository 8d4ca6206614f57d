using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Dvc.Engine.Core.Calendar;
using Dvc.Engine.Core.Definitions;
using Dvc.Engine.Core.Templates;
using Dvc.Engine.Persistence.Dossiers;
using Dvc.Engine.Server.Storage;

namespace Dvc.Engine.Server.Dossiers;

/// <summary>
/// Renders a procedure's templates for a dossier (result document, rejection notice) and stores the document, so the
/// built-in flow and workflow activities produce the same file the citizen downloads.
/// </summary>
internal sealed class DossierResults(FileStore files, TimeProvider clock)
{
    public const string ResultContentType = "text/plain; charset=utf-8";

    /// <summary>The template model of definitions/README.md: <c>dossier</c> with code, dates, fee, status and decision.</summary>
    public JsonObject DossierModel(DossierRecord dossier, string? outcome, string? comment, string? officer) => new()
    {
        ["code"] = dossier.Code,
        ["submitted_on"] = WorkingCalendar.ToLocalDate(dossier.SubmittedAt).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["fee"] = dossier.FeeVnd ?? 0,
        ["status"] = dossier.Status,
        ["decision"] = outcome is null ? null : new JsonObject { ["outcome"] = outcome, ["comment"] = comment, ["officer"] = officer },
    };

    /// <summary>Renders <paramref name="template"/> and stores it; null when the procedure has no such template or it failed.</summary>
    public async Task<IssuedDocument?> IssueAsync(
        CompiledProcedure procedure, DossierRecord dossier, string template, string? outcome, string? comment, string? officer, CancellationToken ct)
    {
        if (!procedure.Templates.ContainsKey(template))
        {
            return null;
        }

        var data = JsonNode.Parse(dossier.DataJson) as JsonObject ?? [];
        var model = new TemplateModel(data, DossierModel(dossier, outcome, comment, officer), WorkingCalendar.ToLocalDate(clock.GetUtcNow()));
        var rendered = procedure.Render(template, model, "vi", ct);
        if (!rendered.Success)
        {
            return null;
        }

        var key = await files.SaveBlobAsync(Encoding.UTF8.GetBytes(rendered.Text), ct);
        return new IssuedDocument(key, rendered.Text);
    }

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
