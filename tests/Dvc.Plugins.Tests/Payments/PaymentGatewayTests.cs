using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dvc.Engine.Server.Workflows;
using Dvc.Plugins.Payments.VnPay;
using Dvc.Plugins.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Dvc.Plugins.Tests.Payments;

/// <summary>
/// The payments plugin against the gateway simulator over HTTP: the citizen is sent to the gateway with a signed
/// request, the gateway's IPN decides, and forged, repeated, late, failed and out-of-order notifications are answered
/// as VNPAY's merchants must answer them.
/// </summary>
/// <remarks>The class shares one server and simulator (each test files its own dossier); the clock never moves here.</remarks>
public sealed class PaymentGatewayTests(PeersFixture fixture) : IClassFixture<PeersFixture>
{
    private readonly Peers _peers = fixture.Peers;

    [Fact]
    public async Task The_pay_link_redirects_to_the_gateway_with_a_signed_VNPAY_2_1_0_request()
    {
        var (citizen, code) = await Payment.AwaitingPaymentAsync(_peers);

        var url = await Payment.StartAsync(citizen, code);

        var query = System.Web.HttpUtility.ParseQueryString(url.Query);
        Assert.StartsWith(new Uri(_peers.Simulator, "paymentv2/vpcpay.html").ToString(), url.GetLeftPart(UriPartial.Path), StringComparison.Ordinal);
        Assert.Equal("2.1.0", query["vnp_Version"]);
        Assert.Equal("pay", query["vnp_Command"]);
        Assert.Equal(Peers.TmnCode, query["vnp_TmnCode"]);
        Assert.Equal("13500000", query["vnp_Amount"]);
        Assert.Equal("VND", query["vnp_CurrCode"]);
        Assert.Equal("20260302090000", query["vnp_CreateDate"]);
        Assert.Equal("20260302091500", query["vnp_ExpireDate"]);
        Assert.Equal($"{code}-01", query["vnp_TxnRef"]);
        Assert.EndsWith("/payments/vnpay/return", query["vnp_ReturnUrl"], StringComparison.Ordinal);
        Assert.Matches("^[0-9a-f]{128}$", query["vnp_SecureHash"]);
        var page = await _peers.SimulatorClient.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("135.000 VND", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_paid_IPN_settles_the_payment_resumes_the_workflow_and_the_officer_sees_the_reference()
    {
        var (citizen, code) = await Payment.AwaitingPaymentAsync(_peers);

        var answer = await Payment.PayAsync(_peers, await Payment.StartAsync(citizen, code), "pay", "now");

        Assert.Equal("00", Assert.Single(answer.Ipns).RspCode);
        Assert.Equal("Processing", await Dossiers.StatusAsync(citizen, code));
        var officer = await _peers.Server.OfficerAsync();
        var history = await Dossiers.TimelineAsync(officer, code);
        Assert.Contains(history, line => line.Contains("Cổng thanh toán xác nhận đã nhận 135.000 đ", StringComparison.Ordinal)
            && line.Contains($"{code}-01", StringComparison.Ordinal) && line.Contains("NCB", StringComparison.Ordinal));
        var back = await citizen.GetStringAsync(answer.ReturnUrl);
        Assert.Contains("data-status=\"Paid\"", back, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_shipped_procedures_built_in_payment_step_is_paid_through_the_gateway_and_not_by_the_local_button()
    {
        var (citizen, code, _) = await Payment.AwaitingPaymentWithEmailAsync(_peers, "HN-GTVT-001");

        var page = await citizen.GetStringAsync($"/dossiers/{code}");
        Assert.Contains($"href=\"/payments/{code}/pay\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, (await citizen.PostAsync($"/api/v1/dossiers/{code}/payments", null)).StatusCode);
        Assert.Equal("AwaitingPayment", await Dossiers.StatusAsync(citizen, code));
        var answer = await Payment.PayAsync(_peers, await Payment.StartAsync(citizen, code), "pay", "now");

        Assert.Equal("00", Assert.Single(answer.Ipns).RspCode);
        Assert.Equal("Processing", await Dossiers.StatusAsync(citizen, code));
    }

    [Fact]
    public async Task A_repeated_IPN_is_answered_already_confirmed_and_credits_once()
    {
        var (citizen, code) = await Payment.AwaitingPaymentAsync(_peers);

        var answer = await Payment.PayAsync(_peers, await Payment.StartAsync(citizen, code), "pay", "twice");

        Assert.Equal(["00", "02"], answer.Ipns.Select(i => i.RspCode));
        Assert.Single(await Dossiers.TimelineAsync(citizen, code), line => line.StartsWith("Cổng thanh toán xác nhận", StringComparison.Ordinal));
        Assert.Equal(1, await Payment.OpenTasksAsync(_peers, code));
    }

    [Fact]
    public async Task Two_IPNs_racing_for_one_payment_credit_it_once()
    {
        var (citizen, code) = await Payment.AwaitingPaymentAsync(_peers);
        var answer = await Payment.PayAsync(_peers, await Payment.StartAsync(citizen, code), "pay", "none");

        var both = await Task.WhenAll(Payment.ResendAsync(_peers, answer.TxnRef, "repeat"), Payment.ResendAsync(_peers, answer.TxnRef, "repeat"));

        Assert.Equal(["00", "02"], both.Order(StringComparer.Ordinal));
        Assert.Single(await Dossiers.TimelineAsync(citizen, code), line => line.StartsWith("Cổng thanh toán xác nhận", StringComparison.Ordinal));
        Assert.Equal(1, await Payment.OpenTasksAsync(_peers, code));
    }

    [Fact]
    public async Task A_forged_IPN_is_refused_with_97_and_changes_nothing()
    {
        var (citizen, code) = await Payment.AwaitingPaymentAsync(_peers);
        var answer = await Payment.PayAsync(_peers, await Payment.StartAsync(citizen, code), "pay", "none");

        Assert.Equal("97", await Payment.ResendAsync(_peers, answer.TxnRef, "forged"));

        Assert.Equal("AwaitingPayment", await Dossiers.StatusAsync(citizen, code));
        Assert.Equal("00", await Payment.ResendAsync(_peers, answer.TxnRef, "repeat"));
        Assert.Equal("Processing", await Dossiers.StatusAsync(citizen, code));
    }

    [Fact]
    public async Task An_IPN_with_another_amount_is_refused_with_04()
    {
        var (citizen, code) = await Payment.AwaitingPaymentAsync(_peers);
        var answer = await Payment.PayAsync(_peers, await Payment.StartAsync(citizen, code), "pay", "none");

        Assert.Equal("04", await Payment.ResendAsync(_peers, answer.TxnRef, "amount"));

        Assert.Equal("AwaitingPayment", await Dossiers.StatusAsync(citizen, code));
    }

    [Fact]
    public async Task An_IPN_for_an_order_never_requested_is_answered_01()
    {
        var fields = new Dictionary<string, string>
        {
            ["vnp_Amount"] = "13500000", ["vnp_ResponseCode"] = "00", ["vnp_TransactionStatus"] = "00", ["vnp_TmnCode"] = Peers.TmnCode,
            ["vnp_TxnRef"] = "HN-2026-9999999-01", ["vnp_TransactionNo"] = "1", ["vnp_PayDate"] = "20260302090500",
        };

        var answer = await _peers.Server.Browserless().GetFromJsonAsync<JsonObject>($"/payments/vnpay/ipn?{VnPaySignature.SignedQuery(fields, Peers.HashSecret)}");

        Assert.Equal("01", answer!["RspCode"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_failed_attempt_keeps_the_request_open_and_a_second_attempt_pays()
    {
        var (citizen, code) = await Payment.AwaitingPaymentAsync(_peers);

        var failed = await Payment.PayAsync(_peers, await Payment.StartAsync(citizen, code), "fail", "now");

        Assert.Equal("00", Assert.Single(failed.Ipns).RspCode);
        Assert.Equal("AwaitingPayment", await Dossiers.StatusAsync(citizen, code));
        Assert.Contains(await Dossiers.TimelineAsync(citizen, code), line => line.Contains("Tài khoản không đủ số dư", StringComparison.Ordinal));
        var second = await Payment.StartAsync(citizen, code);
        Assert.Contains($"vnp_TxnRef={Uri.EscapeDataString(code)}-02", second.Query, StringComparison.Ordinal);
        Assert.Equal("00", Assert.Single((await Payment.PayAsync(_peers, second, "pay", "now")).Ipns).RspCode);
        Assert.Equal("Processing", await Dossiers.StatusAsync(citizen, code));
    }

    [Fact]
    public async Task A_failure_notice_arriving_after_another_attempt_paid_changes_nothing()
    {
        var (citizen, code) = await Payment.AwaitingPaymentAsync(_peers);
        var first = await Payment.PayAsync(_peers, await Payment.StartAsync(citizen, code), "cancel", "none");
        Assert.Equal("00", Assert.Single((await Payment.PayAsync(_peers, await Payment.StartAsync(citizen, code), "pay", "now")).Ipns).RspCode);

        Assert.Equal("00", await Payment.ResendAsync(_peers, first.TxnRef, "repeat"));

        Assert.Equal("Processing", await Dossiers.StatusAsync(citizen, code));
        Assert.Equal(1, await Payment.OpenTasksAsync(_peers, code));
    }

    [Fact]
    public async Task A_late_IPN_settles_after_the_browser_returned_to_a_waiting_page()
    {
        var (citizen, code) = await Payment.AwaitingPaymentAsync(_peers);

        var answer = await Payment.PayAsync(_peers, await Payment.StartAsync(citizen, code), "pay", "late");

        Assert.Contains("data-status=\"Pending\"", await citizen.GetStringAsync(answer.ReturnUrl), StringComparison.Ordinal);
        Assert.Equal("AwaitingPayment", await Dossiers.StatusAsync(citizen, code));
        await Payment.Until(async () => await Dossiers.StatusAsync(citizen, code) == "Processing");
        Assert.Contains("data-status=\"Paid\"", await citizen.GetStringAsync(answer.ReturnUrl), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_return_with_a_broken_signature_shows_an_error_and_changes_nothing()
    {
        var (citizen, code) = await Payment.AwaitingPaymentAsync(_peers);
        var answer = await Payment.PayAsync(_peers, await Payment.StartAsync(citizen, code), "pay", "none");

        var tampered = answer.ReturnUrl.Replace("vnp_Amount=13500000", "vnp_Amount=100", StringComparison.Ordinal);
        var page = await citizen.GetStringAsync(tampered);

        Assert.Contains("data-status=\"Invalid\"", page, StringComparison.Ordinal);
        Assert.Equal("AwaitingPayment", await Dossiers.StatusAsync(citizen, code));
    }

}
