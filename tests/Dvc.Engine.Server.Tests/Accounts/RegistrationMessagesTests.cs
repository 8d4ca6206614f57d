using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Dvc.Engine.Server.Tests.Infrastructure;

namespace Dvc.Engine.Server.Tests.Accounts;

/// <summary>
/// Regression: registering showed Identity's English messages in the Vietnamese portal (twice for a taken address:
/// user name and e-mail), an empty form said "wrong e-mail or password", and API bodies without members crashed (500).
/// </summary>
public sealed class RegistrationMessagesTests(DvcServerFactory server) : IClassFixture<DvcServerFactory>
{
    [Theory]
    [InlineData("vi", "Thư điện tử congdan@dvc.local đã được đăng ký. Hãy đăng nhập hoặc dùng địa chỉ khác.")]
    [InlineData("en", "The e-mail congdan@dvc.local is already registered. Sign in or use another address.")]
    public async Task A_taken_address_is_said_once_in_the_clients_language(string culture, string message)
    {
        var errors = await RegisterAsync(culture, """{ "email": "congdan@dvc.local", "fullName": "Nguyễn Văn C", "password": "MatKhau@2026" }""");

        Assert.Equal([message], errors["/email"]!.AsArray().Select(e => e!.GetValue<string>()));
    }

    [Theory]
    [InlineData("vi", "Mật khẩu phải có ít nhất một chữ số (0–9).")]
    [InlineData("en", "The password must contain at least one digit (0–9).")]
    public async Task A_weak_password_is_explained_in_the_clients_language(string culture, string message)
    {
        var errors = await RegisterAsync(culture, $$"""{ "email": "c-{{Guid.NewGuid():N}}@test.local", "fullName": "Nguyễn Văn C", "password": "matkhaumoi" }""");

        Assert.Contains(message, errors["/password"]!.AsArray().Select(e => e!.GetValue<string>()));
    }

    [Fact]
    public async Task A_registration_body_without_members_names_each_missing_one()
    {
        var errors = await RegisterAsync("vi", "{}");

        Assert.Equal(["/email", "/fullName", "/password"], errors.Select(e => e.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_sign_in_body_without_members_is_wrong_credentials_not_a_crash()
    {
        var client = server.CreateBrowserlessClient();

        var response = await client.PostAsync("/api/v1/session", new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_registration_page_asks_for_the_missing_fields_and_speaks_vietnamese()
    {
        var client = server.CreateBrowserlessClient();
        var (_, token) = await PageForms.GetAsync(client, "/account/register");

        var empty = await (await PageForms.PostAsync(client, "/account/register", token, [new("fullName", ""), new("email", "")])).Content.ReadAsStringAsync();
        var taken = await (await PageForms.PostAsync(client, "/account/register", token,
            [new("fullName", "Nguyễn Văn C"), new("email", "congdan@dvc.local"), new("password", "MatKhau@2026"), new("confirm", "MatKhau@2026")])).Content.ReadAsStringAsync();

        Assert.Contains("Vui lòng nhập họ và tên, thư điện tử và mật khẩu.", empty, StringComparison.Ordinal);
        Assert.DoesNotContain("không đúng", empty, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(taken, "đã được đăng ký"));
        Assert.DoesNotContain("already taken", taken, StringComparison.Ordinal);
    }

    private async Task<JsonObject> RegisterAsync(string culture, string body)
    {
        var client = server.CreateBrowserlessClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/accounts") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.AcceptLanguage.ParseAdd(culture);

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsObject();
    }
}
