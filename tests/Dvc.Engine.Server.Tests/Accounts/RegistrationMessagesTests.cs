using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Dvc.Engine.Server.Tests.Infrastructure;

namespace Dvc.Engine.Server.Tests.Accounts;

/// <summary>
/// Regression: registering showed Identity's English messages in the Vietnamese portal, an empty form said "wrong
/// e-mail or password", and API bodies without members crashed (500). (A taken address is no longer said at all:
/// issue 14, see Issue14_AccountsTests.)
/// </summary>
public sealed class RegistrationMessagesTests(DvcServerFactory server) : IClassFixture<DvcServerFactory>
{
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
        var weak = await (await PageForms.PostAsync(client, "/account/register", token,
            [new("fullName", "Nguyễn Văn C"), new("email", $"c-{Guid.NewGuid():N}@test.local"), new("password", "matkhaumoi"), new("confirm", "matkhaumoi")])).Content.ReadAsStringAsync();

        Assert.Contains("Vui lòng nhập họ và tên, thư điện tử và mật khẩu.", empty, StringComparison.Ordinal);
        Assert.DoesNotContain("không đúng", empty, StringComparison.Ordinal);
        Assert.Contains("Mật khẩu phải có ít nhất một chữ số (0–9).", weak, StringComparison.Ordinal);
        Assert.DoesNotContain("Passwords must", weak, StringComparison.Ordinal);
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
