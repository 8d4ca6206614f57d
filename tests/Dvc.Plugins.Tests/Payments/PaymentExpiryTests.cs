using Dvc.Plugins.Tests.Infrastructure;

namespace Dvc.Plugins.Tests.Payments;

/// <summary>The payment deadline: the clock moves, so this class has its own server and simulator.</summary>
public sealed class PaymentExpiryTests : IAsyncLifetime
{
    private Peers _peers = null!;

    public async Task InitializeAsync() => _peers = await Peers.StartAsync();

    public async Task DisposeAsync() => await _peers.DisposeAsync();

    [Fact]
    public async Task An_unpaid_request_expires_at_its_deadline_and_a_payment_after_it_is_kept_for_a_refund()
    {
        var (citizen, code, email) = await Payment.AwaitingPaymentWithEmailAsync(_peers);
        var answer = await Payment.PayAsync(_peers, await Payment.StartAsync(citizen, code), "pay", "none");

        // Two working days from Monday 02/03/2026 09:00: Wednesday 04/03 at 09:00.
        _peers.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 4, 8, 59, 0, TimeSpan.FromHours(7)));
        Assert.Equal(0, await Payment.FireTimersAsync(_peers));
        // Two days later the citizen's session has ended: they sign in again.
        citizen = _peers.Server.Browserless();
        await PluginServer.SignInAsync(citizen, email, PluginServer.CitizenPassword);
        Assert.Equal("AwaitingPayment", await Dossiers.StatusAsync(citizen, code));
        _peers.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 4, 9, 0, 1, TimeSpan.FromHours(7)));
        Assert.Equal(1, await Payment.FireTimersAsync(_peers));

        Assert.NotEqual("AwaitingPayment", await Dossiers.StatusAsync(citizen, code));
        var pay = await citizen.GetAsync($"/payments/{code}/pay");
        Assert.Equal($"/dossiers/{code}", pay.Headers.Location?.ToString());
        Assert.Equal("02", await Payment.ResendAsync(_peers, answer.TxnRef, "repeat"));
        Assert.Contains(await Dossiers.TimelineAsync(await _peers.Server.OfficerAsync(), code), line => line.Contains("cần hoàn trả", StringComparison.Ordinal));
    }
}
