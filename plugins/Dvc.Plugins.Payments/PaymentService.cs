using System.Globalization;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Dvc.Engine.Sdk;
using Dvc.Engine.Sdk.Hosting;
using Dvc.Plugins.Payments.VnPay;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dvc.Plugins.Payments;

/// <summary>
/// The payment flow: start a transaction and send the citizen to the gateway; take the gateway's IPN (the only thing
/// that settles a payment) and answer it; read a transaction back for the return page. Transactions are plugin
/// records of kind <see cref="TransactionKind"/>, keyed by <c>vnp_TxnRef</c>.
/// </summary>
internal sealed partial class PaymentService(
    IDossierHost host,
    IPluginRecords records,
    IOptions<PaymentsOptions> options,
    TimeProvider clock,
    ILogger<PaymentService> logger)
{
    public const string TransactionKind = "payments.transaction";

    public static class Statuses
    {
        public const string Pending = "Pending";
        public const string Paid = "Paid";
        public const string Failed = "Failed";

        /// <summary>Paid at the gateway after the request had closed (expired): the money must be refunded.</summary>
        public const string PaidLate = "PaidLate";
    }

    /// <summary>
    /// Creates a pending transaction for the dossier's open payment request and returns the signed gateway URL; null when
    /// the viewer may not see the dossier, it does not wait for a payment, its deadline passed or no gateway is set.
    /// </summary>
    public async Task<Uri?> StartAsync(string dossierCode, ClaimsPrincipal viewer, string clientIp, Uri returnUrl, string culture, CancellationToken ct)
    {
        var settings = options.Value;
        if (!settings.IsConnected || await host.FindForAsync(dossierCode, viewer, ct) is not { } dossier
            || dossier.Waiting.FirstOrDefault(w => w.Name == BookmarkNames.Payment) is not { } request
            || request.Payload["amount"] is not JsonValue amountValue || !amountValue.TryGetValue<decimal>(out var amount) || amount <= 0)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        if (request.DueAt is { } due && due <= now)
        {
            return null;
        }

        var expires = now.AddMinutes(settings.SessionMinutes);
        if (request.DueAt is { } deadline && deadline < expires)
        {
            expires = deadline;
        }

        // One reference per attempt: a failed or abandoned attempt keeps its record, the next gets the next number.
        var attempts = await records.ListAsync(TransactionKind, dossierCode, ct);
        PluginRecord? saved = null;
        var txnRef = "";
        for (var n = attempts.Count + 1; saved is null && n < attempts.Count + 10; n++)
        {
            txnRef = $"{dossierCode}-{n:D2}";
            saved = await records.SaveAsync(new PluginRecord(TransactionKind, txnRef, dossierCode, Statuses.Pending, new JsonObject
            {
                ["amount"] = (long)amount,
                ["activityId"] = request.ActivityId,
                ["description"] = request.Payload["description"]?.DeepClone(),
                ["createdAt"] = now.ToString("O", CultureInfo.InvariantCulture),
                ["expiresAt"] = expires.ToString("O", CultureInfo.InvariantCulture),
            }), ct);
        }

        if (saved is null)
        {
            return null;
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["vnp_Version"] = "2.1.0",
            ["vnp_Command"] = "pay",
            ["vnp_TmnCode"] = settings.TmnCode,
            ["vnp_Amount"] = ((long)amount * 100).ToString(CultureInfo.InvariantCulture),
            ["vnp_CreateDate"] = VnPayTime.Format(now),
            ["vnp_ExpireDate"] = VnPayTime.Format(expires),
            ["vnp_CurrCode"] = "VND",
            ["vnp_IpAddr"] = clientIp,
            ["vnp_Locale"] = culture.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en" : "vn",
            // The gateway wants the order text without diacritics.
            ["vnp_OrderInfo"] = $"Thanh toan le phi ho so {dossierCode}",
            ["vnp_OrderType"] = settings.OrderType,
            ["vnp_ReturnUrl"] = returnUrl.ToString(),
            ["vnp_TxnRef"] = txnRef,
        };
        LogStarted(logger, txnRef, dossierCode, (long)amount);
        return new Uri($"{settings.GatewayUrl}?{VnPaySignature.SignedQuery(fields, settings.HashSecret)}");
    }

    /// <summary>
    /// Handles the gateway's IPN: signature, order, amount, not settled yet; then, for a successful payment, the
    /// transaction record, the workflow's resume and the history entry commit together.
    /// </summary>
    public async Task<VnPayIpnAnswer> HandleIpnAsync(IReadOnlyList<KeyValuePair<string, string>> fields, string source, CancellationToken ct)
    {
        var settings = options.Value;
        string Field(string name) => fields.FirstOrDefault(f => f.Key == name).Value ?? "";
        var txnRef = Field("vnp_TxnRef");
        if (!settings.IsConnected || !VnPaySignature.Verify(fields, settings.HashSecret))
        {
            LogForged(logger, txnRef, source);
            return VnPayIpnAnswer.InvalidSignature;
        }

        for (var attempt = 0; attempt < 3; attempt++)
        {
            if (await records.FindAsync(TransactionKind, txnRef, ct) is not { DossierCode: { } dossierCode } record)
            {
                LogUnknownOrder(logger, txnRef);
                return VnPayIpnAnswer.OrderNotFound;
            }

            var requested = record.Data["amount"]?.GetValue<long>() ?? 0;
            if (!long.TryParse(Field("vnp_Amount"), NumberStyles.None, CultureInfo.InvariantCulture, out var hundredths) || hundredths != requested * 100)
            {
                LogAmountMismatch(logger, txnRef, Field("vnp_Amount"), requested * 100);
                return VnPayIpnAnswer.InvalidAmount;
            }

            if (record.Status != Statuses.Pending)
            {
                LogRepeated(logger, txnRef, record.Status);
                return VnPayIpnAnswer.AlreadyConfirmed;
            }

            var gateway = new JsonObject
            {
                ["transactionId"] = txnRef,
                ["gatewayTransactionNo"] = Field("vnp_TransactionNo"),
                ["bankCode"] = Field("vnp_BankCode"),
                ["cardType"] = Field("vnp_CardType"),
                ["responseCode"] = Field("vnp_ResponseCode"),
                ["transactionStatus"] = Field("vnp_TransactionStatus"),
                ["amount"] = requested,
                ["paidAt"] = VnPayTime.Parse(Field("vnp_PayDate"))?.ToString("O", CultureInfo.InvariantCulture),
            };
            var data = (JsonObject)record.Data.DeepClone();
            data["gateway"] = gateway.DeepClone();
            var paid = Field("vnp_ResponseCode") == "00" && Field("vnp_TransactionStatus") == "00";
            if (!paid)
            {
                if (await records.SaveAsync(record with { Status = Statuses.Failed, Data = data }, ct) is null)
                {
                    continue;
                }

                await host.AppendNoteAsync(dossierCode, new DossierNote(
                    "PaymentFailed",
                    new Bilingual("Thanh toán trực tuyến không thành công", "The online payment did not go through"),
                    $"{txnRef} — {ResponseText(Field("vnp_ResponseCode"))}",
                    gateway), ct);
                LogFailed(logger, txnRef, Field("vnp_ResponseCode"));
                return VnPayIpnAnswer.Confirmed;
            }

            var payload = (JsonObject)gateway.DeepClone();
            payload["status"] = "Paid";
            var signal = await host.SignalAsync(
                new DossierSignal(dossierCode, BookmarkNames.Payment, payload, "vnpay")
                {
                    ActivityId = record.Data["activityId"]?.GetValue<string>(),
                    Record = record with { Status = Statuses.Paid, Data = data },
                    Note = new DossierNote(
                        "PaymentConfirmed",
                        new Bilingual(
                            $"Cổng thanh toán xác nhận đã nhận {Vnd(requested)}",
                            $"The payment gateway confirmed {requested.ToString("#,0", CultureInfo.InvariantCulture)} VND"),
                        $"Mã tham chiếu / reference {txnRef}; mã giao dịch cổng thanh toán / gateway transaction {Field("vnp_TransactionNo")}; ngân hàng / bank {Field("vnp_BankCode")}",
                        gateway),
                },
                ct);
            switch (signal.Outcome)
            {
                case SignalOutcome.Resumed:
                    LogPaid(logger, txnRef, dossierCode, requested);
                    return VnPayIpnAnswer.Confirmed;
                case SignalOutcome.RecordConflict:
                    // Another IPN for the same transaction won the race; read what it decided.
                    continue;
                case SignalOutcome.DossierNotFound:
                    return VnPayIpnAnswer.OrderNotFound;
                default:
                    // The money arrived after the request closed (its deadline passed): keep it on record for a refund.
                    if (await records.SaveAsync(record with { Status = Statuses.PaidLate, Data = data }, ct) is null)
                    {
                        continue;
                    }

                    await host.AppendNoteAsync(dossierCode, new DossierNote(
                        "PaymentAfterDeadline",
                        new Bilingual("Nhận tiền thanh toán sau khi yêu cầu thanh toán đã đóng: cần hoàn trả", "A payment arrived after the payment request had closed: to be refunded"),
                        $"{txnRef} — {Vnd(requested)}",
                        gateway), ct);
                    LogLate(logger, txnRef, dossierCode, signal.Outcome.ToString());
                    return VnPayIpnAnswer.AlreadyConfirmed;
            }
        }

        return VnPayIpnAnswer.UnknownError;
    }

    /// <summary>The transaction the return page shows, when the gateway's signature on the return holds.</summary>
    public async Task<PluginRecord?> ReturnedAsync(IReadOnlyList<KeyValuePair<string, string>> fields, CancellationToken ct)
    {
        var settings = options.Value;
        if (!settings.IsConnected || !VnPaySignature.Verify(fields, settings.HashSecret))
        {
            return null;
        }

        return await records.FindAsync(TransactionKind, fields.FirstOrDefault(f => f.Key == "vnp_TxnRef").Value ?? "", ct);
    }

    /// <summary>The gateway's response codes a citizen may meet, in Vietnamese (VNPAY's own wording).</summary>
    public static string ResponseText(string code) => code switch
    {
        "00" => "Giao dịch thành công",
        "07" => "Trừ tiền thành công, giao dịch bị nghi ngờ",
        "09" => "Thẻ/Tài khoản chưa đăng ký dịch vụ InternetBanking",
        "11" => "Đã hết hạn chờ thanh toán",
        "12" => "Thẻ/Tài khoản bị khóa",
        "24" => "Khách hàng hủy giao dịch",
        "51" => "Tài khoản không đủ số dư",
        "65" => "Tài khoản đã vượt quá hạn mức giao dịch trong ngày",
        _ => $"Mã lỗi {code}",
    };

    internal static string Vnd(long amount) =>
        amount.ToString("#,0", new NumberFormatInfo { NumberGroupSeparator = ".", NumberDecimalDigits = 0 }) + " đ";

    [LoggerMessage(EventId = 7100, Level = LogLevel.Information, Message = "Payment {TxnRef} started for dossier {Code}: {Amount} VND")]
    private static partial void LogStarted(ILogger logger, string txnRef, string code, long amount);

    [LoggerMessage(EventId = 7101, Level = LogLevel.Information, Message = "Payment {TxnRef} confirmed by IPN for dossier {Code}: {Amount} VND")]
    private static partial void LogPaid(ILogger logger, string txnRef, string code, long amount);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Warning, Message = "Refused IPN with an invalid signature (vnp_TxnRef '{TxnRef}') from {Source}")]
    private static partial void LogForged(ILogger logger, string txnRef, string source);

    [LoggerMessage(EventId = 7103, Level = LogLevel.Warning, Message = "Refused IPN for {TxnRef}: vnp_Amount {Given} differs from the requested {Expected}")]
    private static partial void LogAmountMismatch(ILogger logger, string txnRef, string given, long expected);

    [LoggerMessage(EventId = 7104, Level = LogLevel.Warning, Message = "IPN for unknown order {TxnRef}")]
    private static partial void LogUnknownOrder(ILogger logger, string txnRef);

    [LoggerMessage(EventId = 7105, Level = LogLevel.Information, Message = "Repeated IPN for {TxnRef}, already {Status}: not credited again")]
    private static partial void LogRepeated(ILogger logger, string txnRef, string status);

    [LoggerMessage(EventId = 7106, Level = LogLevel.Information, Message = "Payment {TxnRef} failed at the gateway with code {Code}")]
    private static partial void LogFailed(ILogger logger, string txnRef, string code);

    [LoggerMessage(EventId = 7107, Level = LogLevel.Warning, Message = "Payment {TxnRef} for dossier {Code} arrived after its request closed ({Outcome}): recorded for refund")]
    private static partial void LogLate(ILogger logger, string txnRef, string code, string outcome);
}
