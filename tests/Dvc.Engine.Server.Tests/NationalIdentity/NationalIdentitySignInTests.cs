using System.Net;
using System.Text.Json.Nodes;
using Dvc.Engine.Persistence;
using Dvc.Engine.Persistence.Identity;
using Dvc.Engine.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dvc.Engine.Server.Tests.NationalIdentity;

/// <summary>
/// The portal signs citizens in with the national identity through the real provider on loopback: the code flow
/// with PKCE, a first sign-in linked to an existing account only with proof (its password, or a link e-mailed through
/// the outbox), a new account otherwise, sign-out at the provider, and clear messages for refused or expired logins.
/// </summary>
public sealed class NationalIdentitySignInTests : IAsyncLifetime
{
    private IdentityProviderPeer _provider = null!;
    private DvcServerFactory _portal = null!;

    public async Task InitializeAsync()
    {
        _provider = await IdentityProviderPeer.StartAsync();
        _portal = new DvcServerFactory();
        _provider.Configure(_portal);
    }

    public async Task DisposeAsync()
    {
        await _portal.DisposeAsync();
        await _provider.DisposeAsync();
    }

    [Fact]
    public async Task The_portal_goes_to_the_provider_with_a_S256_code_challenge()
    {
        using var browser = new TwoSiteBrowser(_portal);

        var page = await IdentityProviderPeer.ChooseAtProviderAsync(browser, null);

        Assert.Equal(_provider.Address.Authority, browser.Location.Authority);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(browser.Location.Query);
        Assert.Equal("S256", query["code_challenge_method"].ToString());
        Assert.Equal(43, query["code_challenge"].ToString().Length);
        Assert.Equal("code", query["response_type"].ToString());
        Assert.Contains("Nguyễn Văn An", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_first_sign_in_without_an_account_creates_one_holding_the_verified_claims()
    {
        using var browser = new TwoSiteBrowser(_portal);

        var choice = await IdentityProviderPeer.SignInAsync(browser, "vneid-cuong", "/dossiers");
        Assert.Contains("001085004321", choice, StringComparison.Ordinal);
        var done = await browser.SubmitAsync(choice, "/account/external?handler=create&returnUrl=%2Fdossiers");

        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal("/dossiers", browser.Location.AbsolutePath);
        var user = await UserAsync(u => u.CitizenId == "001085004321");
        Assert.Equal("Lê Hoàng Cường", user.FullName);
        Assert.NotNull(user.IdentityVerifiedAt);
        var claims = JsonNode.Parse(user.VerifiedClaimsJson!)!;
        Assert.Equal("1985-11-02", claims["birthdate"]!.GetValue<string>());
        Assert.Equal("male", claims["gender"]!.GetValue<string>());
        Assert.Equal("0903123456", claims["phone_number"]!.GetValue<string>());
        Assert.Equal("Xã Vân Đình", claims["address.locality"]!.GetValue<string>());
        Assert.Equal("Thôn Đình Tổ", claims["address.street_address"]!.GetValue<string>());
        Assert.Null(claims["email"]);
    }

    [Fact]
    public async Task The_email_of_an_existing_account_links_only_with_that_accounts_password()
    {
        using var browser = new TwoSiteBrowser(_portal);
        var choice = await IdentityProviderPeer.SignInAsync(browser, "vneid-an");
        Assert.Contains("congdan@dvc.local", choice, StringComparison.Ordinal);

        var refusedCreate = await browser.SubmitAsync(choice, "/account/external?handler=create&returnUrl=%2F");
        var wrong = await browser.SubmitAsync(await refusedCreate.Content.ReadAsStringAsync(), "/account/external?handler=password&returnUrl=%2F",
            ("email", "congdan@dvc.local"), ("password", "not-the-password"));
        var wrongPage = await wrong.Content.ReadAsStringAsync();
        Assert.Equal(0, await LoginCountAsync("congdan@dvc.local"));
        var right = await browser.SubmitAsync(wrongPage, "/account/external?handler=password&returnUrl=%2F",
            ("email", "congdan@dvc.local"), ("password", "CongDan@2026"));

        Assert.Contains("đã thuộc một tài khoản", await refusedCreate.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("không đúng", wrongPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal("/", browser.Location.AbsolutePath);
        Assert.Equal(1, await LoginCountAsync("congdan@dvc.local"));
        Assert.Equal("001090012345", (await UserAsync(u => u.Email == "congdan@dvc.local")).CitizenId);
    }

    [Fact]
    public async Task An_emailed_link_links_the_account_only_in_the_browser_that_signed_in()
    {
        using (var register = _portal.CreateBrowserlessClient())
        {
            (await register.PostAsync("/api/v1/accounts", System.Net.Http.Json.JsonContent.Create(new { email = "binh.tran@example.vn", fullName = "Trần Thị Bình", password = "MatKhau@2026" }))).EnsureSuccessStatusCode();
        }

        using var browser = new TwoSiteBrowser(_portal);
        var choice = await IdentityProviderPeer.SignInAsync(browser, "vneid-binh");
        var sent = await browser.SubmitAsync(choice, "/account/external?handler=email&returnUrl=%2F", ("email", "binh.tran@example.vn"));
        Assert.Contains("id=\"link-sent\"", await sent.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var link = await EmailedLinkAsync("binh.tran@example.vn");

        using var elsewhere = new TwoSiteBrowser(_portal);
        var otherBrowser = await (await elsewhere.GetAsync(link)).Content.ReadAsStringAsync();
        var confirm = await (await browser.GetAsync(link)).Content.ReadAsStringAsync();
        var linked = await browser.SubmitAsync(confirm, "/account/link?handler=confirm");

        Assert.Contains("id=\"link-provider\"", otherBrowser, StringComparison.Ordinal);
        Assert.Contains("binh.tran@example.vn", confirm, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, linked.StatusCode);
        Assert.Equal(1, await LoginCountAsync("binh.tran@example.vn"));
        Assert.Equal("001195006789", (await UserAsync(u => u.Email == "binh.tran@example.vn")).CitizenId);
    }

    [Fact]
    public async Task Signing_out_ends_the_session_at_the_provider_and_the_next_sign_in_goes_straight_in()
    {
        using var browser = new TwoSiteBrowser(_portal);
        var choice = await IdentityProviderPeer.SignInAsync(browser, "vneid-dung");
        await browser.SubmitAsync(choice, "/account/external?handler=create&returnUrl=%2F");
        var home = await (await browser.GetAsync("/")).Content.ReadAsStringAsync();

        var signedOut = await browser.SubmitAsync(home, "/account/logout");

        var endSession = browser.Visited.Single(u => u.AbsolutePath == "/connect/logout");
        Assert.Contains("id_token_hint=", endSession.Query, StringComparison.Ordinal);
        Assert.Contains("post_logout_redirect_uri=http%3A%2F%2Flocalhost%2Fsignout-callback-oidc", endSession.Query, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, signedOut.StatusCode);
        Assert.Equal("/", browser.Location.AbsolutePath);
        Assert.Null(browser.Cookie(_provider.Address.Authority, "vneid.session"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/v1/dossiers")).StatusCode);

        // The provider asks who signs in again (no session left there); the linked account opens at once.
        await IdentityProviderPeer.SignInAsync(browser, "vneid-dung", "/dossiers");
        Assert.Equal("/dossiers", browser.Location.AbsolutePath);
    }

    [Fact]
    public async Task A_refused_sign_in_comes_back_to_the_login_page_with_a_message_in_each_language()
    {
        using var browser = new TwoSiteBrowser(_portal);

        var page = await IdentityProviderPeer.SignInAsync(browser, "refuse", "/dossiers");
        var english = await (await browser.GetAsync(browser.Location.PathAndQuery + "&culture=en")).Content.ReadAsStringAsync();

        Assert.Equal("/account/login", browser.Location.AbsolutePath);
        Assert.Contains("external=refused", browser.Location.Query, StringComparison.Ordinal);
        Assert.Contains("returnUrl=%2Fdossiers", browser.Location.Query, StringComparison.Ordinal);
        Assert.Contains("Bạn đã từ chối chia sẻ thông tin định danh điện tử", page, StringComparison.Ordinal);
        Assert.Contains("You declined to share your electronic identity", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_ID_token_is_refused_and_the_citizen_is_asked_to_sign_in_again()
    {
        // A provider whose clock is an hour behind issues tokens that expired 50 minutes ago.
        var late = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(-1));
        await using var provider = await IdentityProviderPeer.StartAsync(clock: late);
        await using var portal = new DvcServerFactory();
        provider.Configure(portal);
        using var browser = new TwoSiteBrowser(portal);

        var page = await IdentityProviderPeer.SignInAsync(browser, "vneid-an");

        Assert.Equal("/account/login", browser.Location.AbsolutePath);
        Assert.Contains("external=expired", browser.Location.Query, StringComparison.Ordinal);
        Assert.Contains("Phiên đăng nhập bằng định danh điện tử đã hết hạn", page, StringComparison.Ordinal);
    }

    private async Task<DvcUser> UserAsync(System.Linq.Expressions.Expression<Func<DvcUser, bool>> which)
    {
        await using var scope = _portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DvcDbContext>().Users.AsNoTracking().SingleAsync(which);
    }

    private async Task<int> LoginCountAsync(string email)
    {
        await using var scope = _portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DvcUser>>();
        return (await users.GetLoginsAsync((await users.FindByEmailAsync(email))!)).Count;
    }

    private async Task<string> EmailedLinkAsync(string to)
    {
        await using var scope = _portal.Services.CreateAsyncScope();
        var messages = await scope.ServiceProvider.GetRequiredService<DvcDbContext>().OutboxMessages.AsNoTracking()
            .Where(m => m.Kind == "account-email").Select(m => m.PayloadJson).ToListAsync();
        var mail = messages.Select(m => JsonNode.Parse(m)!).Single(m => m["to"]!.GetValue<string>() == to);
        Assert.Contains("Trần Thị Bình", mail["text"]!.GetValue<string>(), StringComparison.Ordinal);
        return new Uri(mail["link"]!.GetValue<string>()).PathAndQuery;
    }
}
