using System.Globalization;
using System.Text.Json.Nodes;
using Dvc.Engine.Core.Calendar;
using Dvc.Engine.Core.Workflows.Runtime;

namespace Dvc.Engine.Server.Dossiers;

/// <summary>
/// What the dossier waits for from the citizen — a supplement or a payment — with its deadline as the workflow
/// declared it. Read from the waiting bookmark when the request opens, stored in the request's event, and read back
/// from it for pages, notifications and the history.
/// </summary>
internal sealed record CitizenRequest(string Kind, DateTimeOffset? DueAt, double Days, DayUnit? Unit, string? Message, long? Amount, SupplementScope Scope)
{
    public const string Supplement = "supplement";
    public const string Payment = "payment";

    public static CitizenRequest? FromBookmark(WorkflowBookmark bookmark, SupplementScope? scope)
    {
        var kind = bookmark.Name switch
        {
            "Dvc.WaitForSupplement" => Supplement,
            "Dvc.RequestPayment" => Payment,
            _ => null,
        };
        if (kind is null)
        {
            return null;
        }

        var payload = bookmark.Payload ?? [];
        return Read(kind, payload, bookmark.DueAt, scope ?? SupplementScope.Everything);
    }

    /// <summary>Reads the event data written by <see cref="ToJson"/>.</summary>
    public static CitizenRequest? FromJson(JsonObject? data) =>
        data?["kind"]?.GetValue<string>() is { } kind ? Read(kind, data, null, SupplementScope.FromJson(data)) : null;

    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["kind"] = Kind,
            ["dueAt"] = DueAt?.ToString("O", CultureInfo.InvariantCulture),
            ["days"] = Days,
            ["daysUnit"] = Unit?.ToString(),
            ["message"] = Message,
            ["amount"] = Amount,
        };
        Scope.WriteTo(json);
        return json;
    }

    /// <summary><c>dossier.request</c> for templates: the deadline already phrased, so a notification can state it.</summary>
    public JsonObject ToTemplateModel() => new()
    {
        ["kind"] = Kind,
        ["deadline"] = DueAt is { } due ? DeadlineText.Format(due, english: false) : null,
        ["deadline_en"] = DueAt is { } dueEn ? DeadlineText.Format(dueEn, english: true) : null,
        ["due_on"] = DueAt is { } last ? DeadlineText.LastDay(last).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : null,
        ["days"] = Days,
        ["working_days"] = Unit == DayUnit.WorkingDays,
        ["message"] = Message,
        ["amount"] = Amount,
    };

    private static CitizenRequest Read(string kind, JsonObject payload, DateTimeOffset? dueAt, SupplementScope scope)
    {
        var due = dueAt ?? (DateTimeOffset.TryParse(payload["dueAt"]?.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? parsed : null);
        var days = payload["days"] is JsonValue d && d.TryGetValue<double>(out var n) ? n : 0;
        var unit = WorkingCalendar.TryParseUnit(payload["daysUnit"]?.ToString(), out var u) ? u : (DayUnit?)null;
        var amount = payload["amount"] is JsonValue a && a.TryGetValue<decimal>(out var money) ? (long)money : (long?)null;
        return new CitizenRequest(kind, due, days, unit, payload["message"]?.ToString(), amount, scope);
    }
}
