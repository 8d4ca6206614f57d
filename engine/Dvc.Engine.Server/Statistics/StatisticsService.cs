using System.Globalization;
using System.Text.Json.Nodes;
using Dvc.Engine.Core.Calendar;
using Dvc.Engine.Persistence;
using Dvc.Engine.Server.Catalog;
using Dvc.Engine.Server.Dossiers;
using Dvc.Engine.Server.Forms;
using Dvc.Engine.Server.Localization;
using Dvc.Engine.Server.Workflows;
using Microsoft.EntityFrameworkCore;

namespace Dvc.Engine.Server.Statistics;

/// <summary>
/// Computes the public statistics from the event log: a dossier is received when its <c>Submitted</c> event is written,
/// resolved at the <c>StatusChanged</c> event that moved it to a final status, on time when that happened no later
/// than its deadline (which already includes pauses) and no apology slip was needed. Open dossiers past their deadline
/// are counted apart as overdue. "By agency" is by the handling agency stored on each dossier, so each commune is ranked
/// on its own dossiers.
/// </summary>
internal sealed class StatisticsService(DvcDbContext db, ProcedureCatalog catalog, Agencies.AgencyCatalog agencies, PortalText text, TimeProvider clock)
{
    public async Task<StatisticsReport> ComputeAsync(StatisticsQuery query, CancellationToken ct)
    {
        var since = query.From is { } f ? new DateTimeOffset(f.ToDateTime(TimeOnly.MinValue), WorkingCalendar.UtcOffset) : (DateTimeOffset?)null;
        var until = query.To is { } t ? new DateTimeOffset(t.AddDays(1).ToDateTime(TimeOnly.MinValue), WorkingCalendar.UtcOffset) : (DateTimeOffset?)null;
        var dossiers = (await db.Dossiers.AsNoTracking()
            .Where(d => query.ProcedureCode == null || d.ProcedureCode == query.ProcedureCode)
            .Select(d => new { d.Id, d.ProcedureCode, d.AgencyCode, d.DueAt, d.SubmittedAt, d.OverdueNotifiedAt })
            .ToListAsync(ct))
            // Compared here: SQLite cannot order DateTimeOffset values in a query.
            .Where(d => (since is null || d.SubmittedAt >= since) && (until is null || d.SubmittedAt < until))
            .ToList();
        var events = await db.DossierEvents.AsNoTracking()
            .Where(e => e.Kind == DossierEvents.Submitted || e.Kind == DossierEvents.StatusChanged)
            .OrderBy(e => e.Sequence)
            .Select(e => new { e.DossierId, e.Kind, e.At, e.DataJson })
            .ToListAsync(ct);
        var byDossier = events.GroupBy(e => e.DossierId).ToDictionary(g => g.Key, g => g.ToList());
        var ratings = await db.Feedback.AsNoTracking().Select(f => new { f.DossierId, f.Rating }).ToDictionaryAsync(f => f.DossierId, f => f.Rating, ct);
        var now = clock.GetUtcNow();

        var facts = new List<DossierFact>();
        foreach (var d in dossiers)
        {
            if (!byDossier.TryGetValue(d.Id, out var log) || log.FirstOrDefault(e => e.Kind == DossierEvents.Submitted) is not { } submitted)
            {
                continue;
            }

            DateTimeOffset? resolvedAt = null;
            foreach (var e in log.Where(e => e.Kind == DossierEvents.StatusChanged))
            {
                var to = e.DataJson is { } json ? (JsonNode.Parse(json)?["to"]?.GetValue<string>()) : null;
                resolvedAt = to is not null && DossierStatuses.IsFinished(to) ? e.At : null;
            }

            // An apology slip moved the due date, but the dossier was already late when it was issued.
            var late = resolvedAt is { } r && (d.OverdueNotifiedAt is not null || (d.DueAt is { } due && r > due));
            var overdue = resolvedAt is null && d.DueAt is { } open && open < now;
            var info = catalog.Find(d.ProcedureCode);
            facts.Add(new DossierFact(
                d.AgencyCode,
                agencies.Name(d.AgencyCode, info?.Summary.AgencyName),
                info?.Summary.AdministrativeLevel ?? "",
                WorkingCalendar.ToLocalDate(submitted.At).ToString("yyyy-MM", CultureInfo.InvariantCulture),
                resolvedAt is not null,
                late,
                overdue,
                ratings.TryGetValue(d.Id, out var rating) ? rating : null));
        }

        return new StatisticsReport(
            [.. facts.GroupBy(f => f.AgencyCode).Select(g => Row(g.Key, g.First().AgencyName, g)).OrderBy(r => r.Label.Vi, StringComparer.Ordinal)],
            [.. facts.GroupBy(f => f.Level).Select(g => Row(g.Key, LevelLabel(g.Key), g)).OrderBy(r => r.Key, StringComparer.Ordinal)],
            [.. facts.GroupBy(f => f.Month).Select(g => Row(g.Key, MonthLabel(g.Key), g)).OrderByDescending(r => r.Key, StringComparer.Ordinal)],
            Row("total", new LocalizedString(text["stats.total"], null), facts));
    }

    private static StatisticsRow Row(string key, LocalizedString label, IEnumerable<DossierFact> facts)
    {
        var list = facts.ToList();
        var resolved = list.Count(f => f.Resolved);
        var onTime = list.Count(f => f.Resolved && !f.Late);
        var rated = list.Where(f => f.Rating is not null).Select(f => f.Rating!.Value).ToList();
        return new StatisticsRow(
            key, label, list.Count, resolved, onTime, list.Count(f => f.Late), list.Count - resolved, list.Count(f => f.Overdue),
            rated.Count, rated.Count == 0 ? null : Math.Round((decimal)rated.Average(), 1));
    }

    private static LocalizedString LevelLabel(string level) => level switch
    {
        "city" => new LocalizedString("Cấp thành phố", "City level"),
        "district" => new LocalizedString("Cấp quận/huyện", "District level"),
        "commune" => new LocalizedString("Cấp xã/phường", "Commune level"),
        _ => new LocalizedString(level, null),
    };

    private static LocalizedString MonthLabel(string month) =>
        DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? new LocalizedString($"Tháng {d.Month:00}/{d.Year}", d.ToString("MM/yyyy", CultureInfo.InvariantCulture))
            : new LocalizedString(month, null);

    /// <summary>The report as CSV (UTF-8, comma-separated, one line a row of every grouping), for spreadsheets.</summary>
    public static string ToCsv(StatisticsReport report)
    {
        var csv = new System.Text.StringBuilder("group,key,label,received,inProgress,overdue,resolved,onTime,late,onTimeRate,ratings,averageRating\r\n");
        foreach (var (group, rows) in new[] { ("agency", report.ByAgency), ("level", report.ByLevel), ("month", report.ByMonth), ("total", (IReadOnlyList<StatisticsRow>)[report.Total]) })
        {
            foreach (var r in rows)
            {
                csv.Append(CultureInfo.InvariantCulture, $"{group},{Cell(r.Key)},{Cell(r.Label.Current)},{r.Received},{r.InProgress},{r.Overdue},{r.Resolved},{r.OnTime},{r.Late},")
                    .Append(CultureInfo.InvariantCulture, $"{r.OnTimeRate?.ToString(CultureInfo.InvariantCulture)},{r.Ratings},{r.AverageRating?.ToString(CultureInfo.InvariantCulture)}\r\n");
            }
        }

        return csv.ToString();
    }

    /// <summary>RFC 4180 quoting; a leading =, +, - or @ is prefixed so a spreadsheet never runs a label as a formula.</summary>
    private static string Cell(string value)
    {
        var safe = value.Length > 0 && value[0] is '=' or '+' or '-' or '@' ? "'" + value : value;
        return safe.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }

    private sealed record DossierFact(string AgencyCode, LocalizedString AgencyName, string Level, string Month, bool Resolved, bool Late, bool Overdue, int? Rating);
}
