using System.Text.Json.Nodes;
using Dvc.Engine.Persistence;
using Dvc.Engine.Persistence.Dossiers;
using Dvc.Engine.Server.Localization;
using Dvc.Engine.Server.Workflows;
using Microsoft.EntityFrameworkCore;

namespace Dvc.Engine.Server.Dossiers;

/// <summary>Turns the dossier's event log into readable history lines, in the request's language.</summary>
internal sealed class DossierTimeline(DvcDbContext db, PortalText text, Agencies.AgencyCatalog agencies)
{
    /// <param name="full">Names and details (owner and agency); otherwise status and progress only.</param>
    /// <param name="staff">Also the workflow's log lines, which explain the processing to officers.</param>
    public async Task<IReadOnlyList<TimelineEntry>> BuildAsync(IReadOnlyList<DossierEventRecord> events, bool full, bool staff, CancellationToken ct)
    {
        var actorIds = full ? events.Select(e => e.Actor).Distinct().ToList() : [];
        var names = actorIds.Count == 0
            ? new Dictionary<string, string>()
            : await db.Users.AsNoTracking().Where(u => actorIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, ct);

        var entries = new List<TimelineEntry>();
        foreach (var e in events)
        {
            if ((!full && e.Kind == DossierEvents.Rated) || (!staff && e.Kind == DossierEvents.Log))
            {
                continue;
            }

            var data = e.DataJson is { } json ? JsonNode.Parse(json) as JsonObject : null;
            var title = e.Kind switch
            {
                DossierEvents.StatusChanged => text.Format("event.StatusChanged", text["status." + (data?["to"]?.GetValue<string>() ?? "")]),
                DossierEvents.TaskCompleted => text.Format(
                    "event.TaskCompleted",
                    Tasks.TaskInbox.LocalizedTitle(data?["title"]?.GetValue<string>() ?? ""),
                    OutcomeLabel(data?["outcome"]?.GetValue<string>() ?? "")),
                DossierEvents.Notified => text.Format("event.Notified", data?["channel"]?.GetValue<string>()?.ToUpperInvariant() ?? ""),
                DossierEvents.HandedOver => text.Format(
                    "event.HandedOver",
                    agencies.Name(data?["to"]?.GetValue<string>() ?? "").Current,
                    Tasks.TaskInbox.LocalizedTitle(data?["title"]?.GetValue<string>() ?? "")),
                DossierEvents.HandedBack => text.Format(
                    "event.HandedBack",
                    agencies.Name(data?["from"]?.GetValue<string>() ?? "").Current,
                    Tasks.TaskInbox.LocalizedTitle(data?["title"]?.GetValue<string>() ?? ""),
                    OutcomeLabel(data?["outcome"]?.GetValue<string>() ?? "")),
                DossierEvents.Log => data?["message"]?.GetValue<string>() ?? e.Reason ?? e.Kind,
                // A plugin's entry carries its own title in both languages.
                _ when data?["title"] is JsonObject own => (PortalCultures.IsEnglish ? own["en"] : own["vi"])?.GetValue<string>() ?? e.Kind,
                _ => text["event." + e.Kind] is var t && !t.StartsWith("event.", StringComparison.Ordinal) ? t : e.Kind,
            };
            var actor = full ? (names.TryGetValue(e.Actor, out var name) && !string.IsNullOrEmpty(name) ? name : e.Actor == "system" ? null : null) : null;
            entries.Add(new TimelineEntry(e.At, e.Kind, title, full ? e.Reason : null, actor));
        }

        return entries;
    }

    public async Task<string?> NameOfAsync(string userId, CancellationToken ct) =>
        await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.FullName).FirstOrDefaultAsync(ct);

    private string OutcomeLabel(string outcome) => text["outcome." + outcome] is var label && !label.StartsWith("outcome.", StringComparison.Ordinal) ? label : outcome;
}
