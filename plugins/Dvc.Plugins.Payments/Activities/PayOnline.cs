using System.Globalization;
using System.Text.Json.Nodes;
using Dvc.Engine.Sdk;

namespace Dvc.Plugins.Payments.Activities;

/// <summary>
/// <c>Dvc.Payments.PayOnline</c>: asks the citizen to pay <see cref="Amount"/> through the online payment gateway
/// within <see cref="Days"/> and waits. The gateway's signed IPN, not the citizen's browser, resumes it with
/// <c>Paid</c>; the deadline's timer with <c>Expired</c>. A failed or cancelled attempt keeps the request open so the
/// citizen can pay again until the deadline. It waits on the host's payment bookmark, so the dossier shows "awaiting
/// payment" and the statutory clock stops meanwhile.
/// </summary>
[Activity("Dvc.Payments.PayOnline", Category = "Payments", DisplayName = "Pay online through the gateway", DisplayNameVi = "Thanh toán trực tuyến qua cổng thanh toán",
    Description = "Waits until the payment gateway confirms the fee, or the payment deadline passes.", Icon = "credit_card")]
[Outcomes("Paid", "Expired")]
public sealed class PayOnline : ActivityBase
{
    /// <summary>The amount in VND, normally the fee the rules computed.</summary>
    [Input(UiHint = UiHints.Expression, DisplayName = "Amount (VND)", DisplayNameVi = "Số tiền (VND)", Description = "Fee in VND, normally from the fee rules.", Order = 1)]
    public decimal Amount { get; set; }

    /// <summary>What the payment is for, as the citizen and the receipt read it.</summary>
    [Input(DisplayName = "Description", DisplayNameVi = "Nội dung thanh toán", Description = "What the fee is for, shown to the citizen and on the e-receipt.", Order = 2)]
    public string? Description { get; set; }

    /// <summary>The period to pay in; 0 for no deadline.</summary>
    [Input(DisplayName = "Days to pay", DisplayNameVi = "Thời hạn thanh toán (ngày)", Description = "Days the citizen has to pay; 0 for no deadline.", Order = 3)]
    public double Days { get; set; }

    /// <summary><c>WorkingDays</c> (the host's calendar) or <c>CalendarDays</c>.</summary>
    [Input(UiHint = UiHints.DropDown, DisplayName = "Unit", DisplayNameVi = "Đơn vị thời hạn", Description = "WorkingDays (the host's working calendar) or CalendarDays.", Order = 4, DefaultValue = "WorkingDays")]
    public string? DaysUnit { get; set; }

    /// <summary>The confirmed payment: reference, gateway transaction number, bank, amount, time.</summary>
    [Output(DisplayName = "Payment", Description = "The confirmed payment: transactionId, gatewayTransactionNo, bankCode, amount, paidAt.")]
    public JsonObject? Payment { get; set; }

    /// <inheritdoc />
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        if (Amount <= 0)
        {
            context.Log("Không phải nộp lệ phí trực tuyến");
            return ValueTask.FromResult(ActivityResult.Complete("Paid"));
        }

        var now = context.Time.GetUtcNow();
        var workingDays = !string.Equals(DaysUnit, "CalendarDays", StringComparison.OrdinalIgnoreCase);
        DateTimeOffset? dueAt = Days <= 0 ? null
            : workingDays && context.Services.GetService(typeof(IWorkingCalendar)) is IWorkingCalendar calendar ? calendar.AddWorkingDays(now, (decimal)Days)
            : now.AddDays(Days);
        var payload = new JsonObject
        {
            ["amount"] = Amount,
            ["description"] = Description,
            ["dossierCode"] = context.Dossier.Code,
            ["gateway"] = "vnpay",
            ["days"] = Days,
            ["daysUnit"] = workingDays ? "WorkingDays" : "CalendarDays",
            ["dueAt"] = dueAt?.ToString("O", CultureInfo.InvariantCulture),
        };
        return ValueTask.FromResult(ActivityResult.WaitFor(new BookmarkRequest(BookmarkNames.Payment, context.ActivityId, payload, dueAt)));
    }

    /// <inheritdoc />
    public override ValueTask<ActivityResult> ResumeAsync(ActivityContext context, BookmarkRequest bookmark, JsonNode? payload, CancellationToken cancellationToken)
    {
        // The deadline's timer resumes without a payload.
        var status = payload is null ? "Expired" : (payload as JsonObject)?["status"]?.ToString();
        switch (status)
        {
            case "Paid":
                Payment = payload!.DeepClone() as JsonObject;
                context.Log($"Đã thanh toán trực tuyến, mã giao dịch {(payload as JsonObject)?["transactionId"]}");
                return ValueTask.FromResult(ActivityResult.Complete("Paid"));
            case "Expired":
                context.Log("Hết hạn thanh toán trực tuyến");
                return ValueTask.FromResult(ActivityResult.Complete("Expired"));
            default:
                // A failed attempt is not the end: the citizen may pay again until the deadline.
                return ValueTask.FromResult(ActivityResult.RejectResume(
                    $"Trạng thái thanh toán '{status}' không kết thúc yêu cầu; chờ thanh toán thành công hoặc hết hạn. / Payment status '{status}' does not end the request."));
        }
    }
}
