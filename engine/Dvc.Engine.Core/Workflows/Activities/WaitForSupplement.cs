using System.Globalization;
using System.Text.Json.Nodes;
using Dvc.Engine.Core.Calendar;
using Dvc.Engine.Core.Workflows.Dossiers;
using Dvc.Engine.Sdk;

namespace Dvc.Engine.Core.Workflows.Activities;

/// <summary>
/// <c>Dvc.WaitForSupplement</c>: asks the citizen to supplement the dossier and waits until the end of the period of
/// <see cref="Days"/> counted in <see cref="DaysUnit"/> (see <see cref="WorkingCalendar.PeriodEnd"/>). A resume with
/// the supplement completes with <c>Supplemented</c>; the timer (or <c>{ "outcome": "Expired" }</c>) with <c>Expired</c>.
/// </summary>
[Activity("Dvc.WaitForSupplement", Category = "Dossier processing", DisplayName = "Wait for supplement", DisplayNameVi = "Chờ bổ sung hồ sơ",
    Description = "Asks the citizen to supplement the dossier and waits.", Icon = "upload_file")]
[Outcomes("Supplemented", "Expired")]
public sealed class WaitForSupplement : ActivityBase
{
    /// <summary>What the citizen must add.</summary>
    [Input(UiHint = UiHints.MultiLine, DisplayNameVi = "Nội dung yêu cầu", Description = "What the citizen must supplement.", Order = 1)]
    public string? Message { get; set; }

    /// <summary>How long the citizen has.</summary>
    [Input(DisplayNameVi = "Thời hạn (ngày)", Description = "Days the citizen has to supplement.", Order = 2, DefaultValue = 15d)]
    public double Days { get; set; }

    /// <summary><c>WorkingDays</c> or <c>CalendarDays</c> (the default, as workflows written before the unit existed meant).</summary>
    [Input(UiHint = UiHints.DropDown, DisplayNameVi = "Đơn vị thời hạn", Description = "WorkingDays (the dossier's working calendar) or CalendarDays.", Order = 3, DefaultValue = nameof(DayUnit.CalendarDays))]
    public string? DaysUnit { get; set; }

    /// <summary>What the citizen sent.</summary>
    [Output(Description = "The supplement the citizen sent.")]
    public JsonNode? Supplement { get; set; }

    /// <inheritdoc />
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        // A refusal while executing faults the instance: the period came from an expression the compiler could not check.
        if (!WorkingCalendar.TryParseUnit(DaysUnit, out var unit) || Days <= 0)
        {
            return ValueTask.FromResult(ActivityResult.RejectResume(DossierModel.BadPeriod(context, Days, DaysUnit)));
        }

        var due = DossierModel.Calendar(context).PeriodEnd(context.Time.GetUtcNow(), (decimal)Days, unit);
        var payload = new JsonObject
        {
            ["message"] = Message,
            ["days"] = Days,
            ["daysUnit"] = unit.ToString(),
            ["dueAt"] = due.ToString("O", CultureInfo.InvariantCulture),
        };
        return ValueTask.FromResult(ActivityResult.WaitFor(new BookmarkRequest("Dvc.WaitForSupplement", context.ActivityId, payload, due)));
    }

    /// <inheritdoc />
    public override ValueTask<ActivityResult> ResumeAsync(ActivityContext context, BookmarkRequest bookmark, JsonNode? payload, CancellationToken cancellationToken)
    {
        var expired = payload is null || (payload as JsonObject)?["outcome"]?.ToString() == "Expired";
        if (expired)
        {
            return ValueTask.FromResult(ActivityResult.Complete("Expired"));
        }

        Supplement = payload is JsonObject obj && obj["data"] is { } data ? data.DeepClone() : payload!.DeepClone();
        return ValueTask.FromResult(ActivityResult.Complete("Supplemented"));
    }
}
