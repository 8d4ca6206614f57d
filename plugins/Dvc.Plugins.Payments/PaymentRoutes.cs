using System.Globalization;
using System.Net;
using Dvc.Engine.Sdk.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Dvc.Plugins.Payments;

/// <summary>
/// The plugin's HTTP surface: <c>/payments/{code}/pay</c> sends the signed-in citizen to the gateway,
/// <c>/payments/vnpay/ipn</c> is the gateway's server-to-server confirmation (the truth), and
/// <c>/payments/vnpay/return</c> is where the citizen's browser comes back (it only displays).
/// </summary>
internal sealed class PaymentRoutes : IPluginRoutes<IEndpointRouteBuilder>
{
    public const string IpnPath = "/payments/vnpay/ipn";
    public const string ReturnPath = "/payments/vnpay/return";

    private static readonly System.Text.Json.JsonSerializerOptions AnswerJson = new();

    public static string PayPath(string dossierCode) => $"/payments/{Uri.EscapeDataString(dossierCode)}/pay";

    public void MapRoutes(IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/payments").WithTags("Payments");
        group.MapGet("/{code}/pay", PayAsync).RequireAuthorization().WithName("PayDossierOnline")
            .WithSummary("Start an online payment of the dossier's fee: redirects to the payment gateway.");
        group.MapGet("/vnpay/ipn", IpnAsync).AllowAnonymous().WithName("VnPayIpn")
            .WithSummary("The gateway's signed server-to-server payment notification (VNPAY 2.1.0 IPN); answers { RspCode, Message }.");
        group.MapGet("/vnpay/return", ReturnAsync).AllowAnonymous().WithName("VnPayReturn")
            .WithSummary("Where the citizen's browser returns from the gateway; shows the payment's state, changes nothing.");
    }

    private static async Task<IResult> PayAsync(string code, HttpContext http, PaymentService payments, CancellationToken ct)
    {
        var returnUrl = new Uri($"{http.Request.Scheme}://{http.Request.Host}{ReturnPath}");
        var ip = http.Connection.RemoteIpAddress?.MapToIPv4().ToString() ?? "127.0.0.1";
        var gateway = await payments.StartAsync(code, http.User, ip, returnUrl, CultureInfo.CurrentUICulture.Name, ct);
        return Results.Redirect(gateway?.ToString() ?? $"/dossiers/{Uri.EscapeDataString(code)}");
    }

    private static async Task<IResult> IpnAsync(HttpContext http, PaymentService payments, CancellationToken ct)
    {
        var answer = await payments.HandleIpnAsync(Fields(http.Request.Query), http.Connection.RemoteIpAddress?.ToString() ?? "unknown", ct);
        // The gateway reads these names exactly as VNPAY spells them, not camel-cased.
        return Results.Json(answer, AnswerJson);
    }

    private static async Task<IResult> ReturnAsync(HttpContext http, PaymentService payments, CancellationToken ct)
    {
        var english = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        var fields = Fields(http.Request.Query);
        var record = await payments.ReturnedAsync(fields, ct);
        var code = fields.FirstOrDefault(f => f.Key == "vnp_ResponseCode").Value ?? "";
        string title, text, css;
        var refresh = false;
        if (record is null)
        {
            (title, css) = (english ? "The payment could not be verified" : "Không xác minh được giao dịch", "error");
            text = english ? "The gateway's answer is not signed correctly. Your dossier is unchanged." : "Phản hồi của cổng thanh toán không có chữ ký hợp lệ. Hồ sơ của bạn không thay đổi.";
        }
        else if (record.Status is PaymentService.Statuses.Paid)
        {
            (title, css) = (english ? "Payment received" : "Thanh toán thành công", "ok");
            text = english ? "The gateway confirmed your payment; your dossier is being processed." : "Cổng thanh toán đã xác nhận khoản thanh toán; hồ sơ của bạn đang được xử lý tiếp.";
        }
        else if (record.Status is PaymentService.Statuses.Pending && code == "00")
        {
            // The browser came back before the gateway's confirmation: show that, and look again shortly.
            (title, css, refresh) = (english ? "Waiting for the gateway's confirmation" : "Đang chờ cổng thanh toán xác nhận", "", true);
            text = english ? "This page refreshes by itself." : "Trang sẽ tự cập nhật.";
        }
        else
        {
            (title, css) = (english ? "The payment did not go through" : "Thanh toán không thành công", "error");
            text = (english ? "You can pay again from your dossier until the deadline. " : "Bạn có thể thanh toán lại từ trang hồ sơ cho đến hết hạn. ") + PaymentService.ResponseText(code);
        }

        var dossier = record?.DossierCode;
        var html = $$"""
            <!DOCTYPE html>
            <html lang="{{(english ? "en" : "vi")}}">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            {{(refresh ? "<meta http-equiv=\"refresh\" content=\"3\">" : "")}}
            <title>{{Enc(title)}}</title><link rel="stylesheet" href="/css/site.css"></head>
            <body><main class="container">
            <h1 id="payment-title">{{Enc(title)}}</h1>
            <p class="notice {{css}}" id="payment-status" data-status="{{Enc(record?.Status ?? "Invalid")}}">{{Enc(text)}}</p>
            {{(record is null ? "" : $"<p>{(english ? "Reference" : "Mã tham chiếu")}: <span class=\"code\" id=\"payment-reference\">{Enc(record.Key)}</span></p>")}}
            {{(dossier is null ? "<p><a href=\"/dossiers\">" + (english ? "My dossiers" : "Hồ sơ của tôi") + "</a></p>" : $"<p><a class=\"btn\" id=\"back-to-dossier\" href=\"/dossiers/{Uri.EscapeDataString(dossier)}\">{(english ? "Back to the dossier" : "Về trang hồ sơ")} {Enc(dossier)}</a></p>")}}
            </main></body></html>
            """;
        return Results.Content(html, "text/html; charset=utf-8");
    }

    private static List<KeyValuePair<string, string>> Fields(IQueryCollection query) =>
        [.. query.Select(q => new KeyValuePair<string, string>(q.Key, q.Value.ToString()))];

    private static string Enc(string text) => WebUtility.HtmlEncode(text);
}
