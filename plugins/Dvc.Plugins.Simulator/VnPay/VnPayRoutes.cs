using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Dvc.Plugins.Simulator.VnPay;

/// <summary>
/// The gateway's pages (<c>/paymentv2/vpcpay.html</c>: the citizen chooses a bank and pays, fails or cancels) and the
/// test controls (<c>/_simulator/vnpay/…</c>: the same without a browser, the transactions with their IPNs, and IPNs
/// sent again as they were, forged, or with another amount).
/// </summary>
internal static class VnPayRoutes
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/paymentv2/vpcpay.html", (HttpRequest request, VnPayGateway gateway, TimeProvider clock) =>
        {
            var fields = request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
            if (gateway.Check(fields, out _) is { } error)
            {
                return Results.Content(Html.Page("Cổng thanh toán VNPAY (mô phỏng)", $"<h1 class=\"error\" id=\"gateway-error\">Giao dịch không thành công</h1><p>{Html.Enc(error)}</p>"), "text/html; charset=utf-8", statusCode: 400);
            }

            var amount = long.Parse(fields["vnp_Amount"], CultureInfo.InvariantCulture) / 100;
            var body = $"""
                <h1>Thanh toán qua Ngân hàng / Pay by bank</h1>
                <dl>
                  <dt>Đơn vị chấp nhận thanh toán</dt><dd>{Html.Enc(fields["vnp_TmnCode"])}</dd>
                  <dt>Số tiền</dt><dd id="amount">{amount.ToString("#,0", new NumberFormatInfo { NumberGroupSeparator = "." })} VND</dd>
                  <dt>Nội dung</dt><dd id="order-info">{Html.Enc(fields["vnp_OrderInfo"])}</dd>
                  <dt>Mã giao dịch</dt><dd id="txn-ref">{Html.Enc(fields["vnp_TxnRef"])}</dd>
                  <dt>Hết hạn lúc</dt><dd>{Html.Enc(fields["vnp_ExpireDate"])} (GMT+7)</dd>
                </dl>
                <form method="post" action="/paymentv2/vpcpay.html">
                  <input type="hidden" name="request" value="{Html.Enc(request.QueryString.Value?.TrimStart('?'))}">
                  <label>Ngân hàng <select name="bank" id="bank"><option>NCB</option><option>VCB</option><option>TCB</option><option>BIDV</option></select></label>
                  <fieldset><legend>Thông báo cho đơn vị (IPN) — dành cho kiểm thử</legend>
                    <label><input type="radio" name="ipn" value="now" checked> gửi ngay</label>
                    <label><input type="radio" name="ipn" value="late"> gửi muộn</label>
                    <label><input type="radio" name="ipn" value="twice"> gửi hai lần</label>
                    <label><input type="radio" name="ipn" value="none"> không gửi</label>
                  </fieldset>
                  <button class="pay" name="action" value="pay" id="pay">Thanh toán</button>
                  <button class="fail" name="action" value="fail" id="fail">Giả lập thất bại (không đủ số dư)</button>
                  <button class="cancel" name="action" value="cancel" id="cancel">Hủy thanh toán</button>
                </form>
                """;
            return Results.Content(Html.Page("Cổng thanh toán VNPAY (mô phỏng)", body), "text/html; charset=utf-8");
        });

        app.MapPost("/paymentv2/vpcpay.html", async ([FromForm] string request, [FromForm] string action, [FromForm] string? ipn, [FromForm] string? bank, VnPayGateway gateway, CancellationToken ct) =>
        {
            var fields = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(request).ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
            if (gateway.Check(fields, out var merchant) is { } error)
            {
                return Results.Content(Html.Page("Cổng thanh toán VNPAY (mô phỏng)", $"<h1 class=\"error\">Giao dịch không thành công</h1><p>{Html.Enc(error)}</p>"), "text/html; charset=utf-8", statusCode: 400);
            }

            var (back, _) = await gateway.CompleteAsync(fields, merchant!, action, ipn ?? "now", bank ?? "NCB", ct);
            return Results.Redirect(back.ToString());
        }).DisableAntiforgery();

        var control = app.MapGroup("/_simulator/vnpay");
        control.MapPost("/pay", async Task<Results<Ok<PayAnswer>, BadRequest<string>>> (PayRequest body, VnPayGateway gateway, CancellationToken ct) =>
        {
            var query = new Uri(body.Url).Query;
            var fields = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query).ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
            if (gateway.Check(fields, out var merchant) is { } error)
            {
                return TypedResults.BadRequest(error);
            }

            var (back, transaction) = await gateway.CompleteAsync(fields, merchant!, body.Action ?? "pay", body.Ipn ?? "now", body.Bank ?? "NCB", ct);
            return TypedResults.Ok(new PayAnswer(back.ToString(), transaction.TxnRef, transaction.Ipns));
        });
        control.MapGet("/transactions", (GatewayTransactions transactions) =>
            transactions.All.Select(t => new { t.TxnRef, t.Result, t.IpnUrl, t.CreatedAt, t.Ipns }));
        control.MapPost("/transactions/{txnRef}/ipn", async Task<Results<Ok<IpnAttempt>, NotFound>> (string txnRef, string? mode, GatewayTransactions transactions, VnPayGateway gateway, CancellationToken ct) =>
            transactions.Find(txnRef) is { } transaction
                ? TypedResults.Ok(await gateway.SendAsync(transaction, mode ?? "repeat", ct))
                : TypedResults.NotFound());
    }

    /// <summary>A headless "citizen at the gateway": the redirect URL the merchant produced, and what to do.</summary>
    public sealed record PayRequest(string Url, string? Action, string? Ipn, string? Bank);

    public sealed record PayAnswer(string ReturnUrl, string TxnRef, IReadOnlyList<IpnAttempt> Ipns);
}
