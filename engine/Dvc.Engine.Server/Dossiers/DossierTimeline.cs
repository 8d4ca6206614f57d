using System.Globalization;
using System.Text.Json.Nodes;
using Dvc.Engine.Core.Calendar;
using Dvc.Engine.Core.Definitions;
using Dvc.Engine.Core.Workflows.Activities;
using Dvc.Engine.Persistence;
using Dvc.Engine.Persistence.Dossiers;
using Dvc.Engine.Server.Localization;
using Dvc.Engine.Server.Workflows;
using Microsoft.EntityFrameworkCore;

namespace Dvc.Engine.Server.Dossiers;

/// <summary>
/// Turns the dossier's event log into readable history lines, in the request's language: outcome labels, deadlines
/// and dates, never an event kind, outcome id or template name. A comment is told once, on the first line that carries it.
/// </summary>
internal sealed class DossierTimeline(DvcDbContext db, PortalText text, Agencies.AgencyCatalog agencies)
{
    /// <param name="full">Names and details (owner and agency); otherwise status, progress and deadlines only.</param>
    /// <param name="staff">Also the workflow's log lines, which explain the processing to officers.</param>
    public async Task<IReadOnlyList<TimelineEntry>> BuildAsync(IReadOnlyList<DossierEventRecord> events, bool full, bool staff, CancellationToken ct)
    {
        var actorIds = full ? events.Select(e => e.Actor).Distinct().ToList() : [];
        var names = actorIds.Count == 0
            ? new Dictionary<string, string>()
            : await db.Users.AsNoTracking().Where(u => actorIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, ct);

        var entries = new List<TimelineEntry>();
        string? lastDetail = null;
        foreach (var e in events)
        {
            if ((!full && e.Kind is DossierEvents.Rated or DossierEvents.PaymentReceived) || (!staff && DossierEvents.IsStaffOnly(e.Kind)))
            {
                continue;
            }

            var data = e.DataJson is { } json ? JsonNode.Parse(json) as JsonObject : null;
            var title = Title(e.Kind, data) ?? e.Reason ?? "";
            var actor = full && names.TryGetValue(e.Actor, out var name) && !string.IsNullOrEmpty(name) ? name : null;
            // One officer decision writes several events (task, request, status); its comment is shown on the first.
            var detail = full && e.Kind != DossierEvents.Log && e.Reason != lastDetail ? e.Reason : null;
            lastDetail = e.Reason ?? lastDetail;
            entries.Add(new TimelineEntry(e.At, e.Kind, title, detail, actor));
        }

        return entries;
    }

    public async Task<string?> NameOfAsync(string userId, CancellationToken ct) =>
        await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.FullName).FirstOrDefaultAsync(ct);

    private string? Title(string kind, JsonObject? data)
    {
        var english = PortalCultures.IsEnglish;
        switch (kind)
        {
            case DossierEvents.StatusChanged:
                return text.Format("event.StatusChanged", text["status." + (data?["to"]?.GetValue<string>() ?? "")]);
            case DossierEvents.TaskCompleted:
                return text.Format("event.TaskCompleted", Tasks.TaskInbox.LocalizedTitle(data?["title"]?.GetValue<string>() ?? ""), Outcome(data));
            case DossierEvents.HandedOver:
                return text.Format(
                    "event.HandedOver",
                    agencies.Name(data?["to"]?.GetValue<string>() ?? "").Current,
                    Tasks.TaskInbox.LocalizedTitle(data?["title"]?.GetValue<string>() ?? ""));
            case DossierEvents.HandedBack:
                return text.Format(
                    "event.HandedBack",
                    agencies.Name(data?["from"]?.GetValue<string>() ?? "").Current,
                    Tasks.TaskInbox.LocalizedTitle(data?["title"]?.GetValue<string>() ?? ""),
                    Outcome(data));
            case DossierEvents.SupplementRequested or DossierEvents.PaymentRequested when CitizenRequest.FromJson(data) is { } request:
                var deadline = request.DueAt is { } due ? DeadlineText.Format(due, english) : text["request.noDeadline"];
                return kind == DossierEvents.SupplementRequested
                    ? text.Format("event.SupplementRequestedBy", deadline)
                    : text.Format("event.PaymentRequestedBy", Money.Vnd(request.Amount ?? 0), deadline);
            case DossierEvents.PaymentReceived:
                return text.Format("event.PaymentReceived", Money.Vnd(data?["amount"]?.GetValue<decimal>() is { } paid ? (long)paid : 0));
            case DossierEvents.ClockResumed:
                var dueAt = DateTimeOffset.TryParse(data?["dueAt"]?.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : (DateTimeOffset?)null;
                var days = data?["pausedWorkingDays"]?.GetValue<decimal>() ?? 0;
                var shown = dueAt is { } newDue ? WorkingCalendar.ToLocalDate(newDue).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : null;
                return shown is null ? text["event.ClockResumed"]
                    : Math.Round(days, 1) == 0 ? text.Format("event.ClockResumedSameDue", shown)
                    : text.Format("event.ClockResumedDue", shown, text.WorkingDays(Math.Round(days, 1)));
            case DossierEvents.ResultIssued:
                return text[data?["decision"]?.GetValue<string>() == "Rejected" ? "event.ResultIssuedRejected" : "event.ResultIssued"];
            case DossierEvents.Notified:
                return text[data?["channel"]?.GetValue<string>() == "sms" ? "event.NotifiedSms" : "event.NotifiedEmail"];
            case DossierEvents.Log:
                return data?["message"]?.GetValue<string>();
            default:
                var known = text["event." + kind];
                return known.StartsWith("event.", StringComparison.Ordinal) ? null : known;
        }
    }

    /// <summary>The label the task declared for the decision taken, else the common one; never the outcome id when either exists.</summary>
    private static string Outcome(JsonObject? data)
    {
        var outcome = data?["outcome"]?.GetValue<string>() ?? "";
        return (LocalizedText.From(data?["outcomeLabel"]) ?? OutcomeLabels.Of(outcome, null)).Get(CultureInfo.CurrentUICulture);
    }
}
