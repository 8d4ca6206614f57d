using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace Dvc.Plugins.Simulator.VnPay;

/// <summary>
/// The simulated gateway's behaviour: checks a payment request as VNPAY does (merchant, signature, expiry), completes
/// it as paid, failed (insufficient funds, code 51) or cancelled (24), and tells the merchant by IPN at once, late,
/// twice or not at all; then sends the browser back to <c>vnp_ReturnUrl</c>.
/// </summary>
internal sealed class VnPayGateway(
    GatewayTransactions transactions,
    IHttpClientFactory http,
    IOptionsMonitor<SimulatorOptions> options,
    IHostApplicationLifetime lifetime,
    TimeProvider clock)
{
    private static readonly TimeSpan Gmt7 = TimeSpan.FromHours(7);

    /// <summary>Why a request cannot be paid (in Vietnamese, as the gateway shows it), or null when it can.</summary>
    public string? Check(IReadOnlyDictionary<string, string> request, out MerchantOptions? merchant)
    {
        merchant = options.CurrentValue.Merchants.FirstOrDefault(m => m.TmnCode == request.GetValueOrDefault("vnp_TmnCode"));
        if (merchant is null)
        {
            return "Website này chưa được phê duyệt (mã website không tồn tại).";
        }

        if (!VnPaySigner.Verify(request, merchant.HashSecret))
        {
            return "Sai chữ ký (mã lỗi 70).";
        }

        foreach (var field in new[] { "vnp_Version", "vnp_Command", "vnp_Amount", "vnp_CreateDate", "vnp_CurrCode", "vnp_IpAddr", "vnp_Locale", "vnp_OrderInfo", "vnp_OrderType", "vnp_ReturnUrl", "vnp_TxnRef", "vnp_ExpireDate" })
        {
            if (string.IsNullOrEmpty(request.GetValueOrDefault(field)))
            {
                return $"Thiếu tham số {field}.";
            }
        }

        if (request["vnp_Version"] != "2.1.0" || request["vnp_Command"] != "pay" || request["vnp_CurrCode"] != "VND")
        {
            return "Phiên bản, lệnh hoặc loại tiền không được hỗ trợ.";
        }

        if (!long.TryParse(request["vnp_Amount"], NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount <= 0 || amount % 100 != 0)
        {
            return "Số tiền không hợp lệ.";
        }

        if (Parse(request["vnp_ExpireDate"]) is not { } expires || expires < clock.GetUtcNow())
        {
            return "Giao dịch đã quá thời gian chờ thanh toán (mã lỗi 11).";
        }

        return null;
    }

    /// <summary>
    /// Completes a checked request: <paramref name="action"/> <c>pay</c>, <c>fail</c> or <c>cancel</c>; <paramref name="ipn"/>
    /// <c>now</c>, <c>late</c>, <c>twice</c> or <c>none</c>. Returns where the browser goes and the IPN answers so far.
    /// </summary>
    public async Task<(Uri ReturnUrl, GatewayTransaction Transaction)> CompleteAsync(
        IReadOnlyDictionary<string, string> request, MerchantOptions merchant, string action, string ipn, string bank, CancellationToken ct)
    {
        var (responseCode, status) = action switch
        {
            "pay" => ("00", "00"),
            "fail" => ("51", "02"),
            _ => ("24", "02"),
        };
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["vnp_Amount"] = request["vnp_Amount"],
            ["vnp_BankCode"] = bank,
            ["vnp_CardType"] = "ATM",
            ["vnp_OrderInfo"] = request["vnp_OrderInfo"],
            ["vnp_PayDate"] = clock.GetUtcNow().ToOffset(Gmt7).ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture),
            ["vnp_ResponseCode"] = responseCode,
            ["vnp_TmnCode"] = merchant.TmnCode,
            ["vnp_TransactionNo"] = action == "cancel" ? "0" : transactions.NextTransactionNo(),
            ["vnp_TransactionStatus"] = status,
            ["vnp_TxnRef"] = request["vnp_TxnRef"],
        };
        if (action == "pay")
        {
            result["vnp_BankTranNo"] = $"VNP{result["vnp_TransactionNo"]}";
        }

        var returnUrl = new Uri(request["vnp_ReturnUrl"]);
        // "/payments/…" parses as an absolute file URI on Unix: only http(s) counts as absolute here.
        var ipnUrl = Uri.TryCreate(merchant.IpnUrl, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https"
            ? absolute
            : new Uri(new Uri(returnUrl.GetLeftPart(UriPartial.Authority)), merchant.IpnUrl);
        var transaction = transactions.Record(request["vnp_TxnRef"], result, ipnUrl.ToString(), clock.GetUtcNow());
        switch (ipn)
        {
            case "none":
                break;
            case "late":
                // The browser returns first; the confirmation follows, as a slow gateway's would.
                _ = Task.Run(async () =>
                {
                    await Task.Delay(TimeSpan.FromSeconds(options.CurrentValue.LateIpnSeconds), lifetime.ApplicationStopping);
                    await SendAsync(transaction, "late", lifetime.ApplicationStopping);
                }, CancellationToken.None);
                break;
            case "twice":
                await SendAsync(transaction, "now", ct);
                await SendAsync(transaction, "repeat", ct);
                break;
            default:
                await SendAsync(transaction, "now", ct);
                break;
        }

        var back = new UriBuilder(returnUrl) { Query = VnPaySigner.Query(result, merchant.HashSecret) };
        return (back.Uri, transaction);
    }

    /// <summary>
    /// Sends the transaction's IPN again: <c>repeat</c> as it was, <c>forged</c> with a signature the merchant's secret
    /// did not make, <c>amount</c> with another amount but a valid signature.
    /// </summary>
    public async Task<IpnAttempt> SendAsync(GatewayTransaction transaction, string mode, CancellationToken ct)
    {
        var merchant = options.CurrentValue.Merchants.First(m => m.TmnCode == transaction.Result["vnp_TmnCode"]);
        var fields = new SortedDictionary<string, string>(transaction.Result.ToDictionary(), StringComparer.Ordinal);
        var secret = merchant.HashSecret;
        if (mode == "amount")
        {
            fields["vnp_Amount"] = (long.Parse(fields["vnp_Amount"], CultureInfo.InvariantCulture) - 100_000).ToString(CultureInfo.InvariantCulture);
        }
        else if (mode == "forged")
        {
            secret = "not-the-merchant-secret";
        }

        var url = new UriBuilder(transaction.IpnUrl) { Query = VnPaySigner.Query(fields, secret) }.Uri;
        IpnAttempt attempt;
        try
        {
            using var response = await http.CreateClient().GetAsync(url, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            var rsp = (JsonNode.Parse(body) as JsonObject)?["RspCode"]?.GetValue<string>();
            attempt = new IpnAttempt(mode, clock.GetUtcNow(), (int)response.StatusCode, rsp, body);
        }
        catch (Exception ex) when (ex is HttpRequestException or System.Text.Json.JsonException or TaskCanceledException or InvalidOperationException)
        {
            attempt = new IpnAttempt(mode, clock.GetUtcNow(), 0, null, ex.Message);
        }

        transaction.Add(attempt);
        return attempt;
    }

    private static DateTimeOffset? Parse(string text) =>
        DateTime.TryParseExact(text, "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local) ? new DateTimeOffset(local, Gmt7) : null;
}
