using System.Globalization;
using System.Text.Json.Nodes;
using Dvc.Engine.Core.Calendar;
using Dvc.Engine.Core.Workflows.Dossiers;
using Dvc.Engine.Sdk;

namespace Dvc.Engine.Core.Workflows.Activities;

/// <summary>
/// <c>Dvc.RequestPayment</c>: asks the citizen to pay <see cref="Amount"/> online and waits for the gateway's callback,
/// resumed with <c>{ status: "Paid"|"Failed"|"Expired", transactionId }</c>, or by its expiry timer: the end of a
/// period of <see cref="Days"/> in <see cref="DaysUnit"/> (see <see cref="WorkingCalendar.PeriodEnd"/>), or
/// <see cref="ExpiresInHours"/> from now. Without either the request never expires by itself.
/// </summary>
[Activity("Dvc.RequestPayment", Category = "Payments", DisplayName = "Request payment", DisplayNameVi = "Yêu cầu thanh toán",
    Description = "Waits for the citizen to pay the fee online.", Icon = "payments")]
[Outcomes("Paid", "Failed", "Expired")]
public sealed class RequestPayment : ActivityBase
{
    private static readonly string[] Statuses = ["Paid", "Failed", "Expired"];

    /// <summary>The amount in VND, normally from the fee rules.</summary>
    [Input(UiHint = UiHints.Expression, DisplayNameVi = "Số tiền (VND)", Description = "Fee in VND, normally from the fee rules.", Order = 1)]
    public decimal Amount { get; set; }

    /// <summary>What the payment is for.</summary>
    [Input(DisplayNameVi = "Nội dung", Description = "Payment description shown to the citizen.", Order = 2)]
    public string? Description { get; set; }

    /// <summary>Days the citizen has to pay; 0 when the request has no period in days.</summary>
    [Input(DisplayNameVi = "Thời hạn thanh toán (ngày)", Description = "Days the citizen has to pay; 0 for none.", Order = 3)]
    public double Days { get; set; }

    /// <summary><c>WorkingDays</c> or <c>CalendarDays</c>.</summary>
    [Input(UiHint = UiHints.DropDown, DisplayNameVi = "Đơn vị thời hạn", Description = "WorkingDays (the dossier's working calendar) or CalendarDays.", Order = 4, DefaultValue = nameof(DayUnit.CalendarDays))]
    public string? DaysUnit { get; set; }

    /// <summary>Hours the payment link stays valid; 0 means it never expires by itself.</summary>
    [Input(DisplayNameVi = "Hiệu lực (giờ)", Description = "Hours before an unpaid request expires; 0 for never. Days, when set, win.", Order = 5)]
    public double ExpiresInHours { get; set; }

    /// <summary>The gateway's transaction id.</summary>
    [Output(Description = "The payment gateway's transaction id.")]
    public string? TransactionId { get; set; }

    /// <inheritdoc />
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var now = context.Time.GetUtcNow();
        DateTimeOffset? expiresAt = null;
        var payload = new JsonObject { ["amount"] = Amount, ["description"] = Description, ["dossierCode"] = context.Dossier.Code };
        if (Days > 0)
        {
            // A refusal while executing faults the instance: the period came from an expression the compiler could not check.
            if (!WorkingCalendar.TryParseUnit(DaysUnit, out var unit))
            {
                return ValueTask.FromResult(ActivityResult.RejectResume(DossierModel.BadPeriod(context, Days, DaysUnit)));
            }

            expiresAt = DossierModel.Calendar(context).PeriodEnd(now, (decimal)Days, unit);
            payload["days"] = Days;
            payload["daysUnit"] = unit.ToString();
        }
        else if (ExpiresInHours > 0)
        {
            expiresAt = now.AddHours(ExpiresInHours).ToOffset(WorkingCalendar.UtcOffset);
        }

        payload["dueAt"] = expiresAt?.ToString("O", CultureInfo.InvariantCulture);
        return ValueTask.FromResult(ActivityResult.WaitFor(new BookmarkRequest("Dvc.RequestPayment", context.ActivityId, payload, expiresAt)));
    }

    /// <inheritdoc />
    public override ValueTask<ActivityResult> ResumeAsync(ActivityContext context, BookmarkRequest bookmark, JsonNode? payload, CancellationToken cancellationToken)
    {
        // The expiry timer resumes without a payload.
        var status = payload is null ? "Expired" : (payload as JsonObject)?["status"]?.ToString() ?? (payload as JsonObject)?["outcome"]?.ToString() ?? (payload is JsonValue v ? v.ToString() : null);
        if (status is null || !Statuses.Contains(status, StringComparer.Ordinal))
        {
            return ValueTask.FromResult(ActivityResult.RejectResume($"Trạng thái thanh toán '{status}' không hợp lệ. / Payment status '{status}' must be Paid, Failed or Expired."));
        }

        TransactionId = (payload as JsonObject)?["transactionId"]?.ToString();
        return ValueTask.FromResult(ActivityResult.Complete(status));
    }
}
