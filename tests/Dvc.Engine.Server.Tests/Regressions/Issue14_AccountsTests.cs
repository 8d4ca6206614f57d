using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dvc.Engine.Server.Accounts;
using Dvc.Engine.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Dvc.Engine.Server.Tests.Regressions;

/// <summary>
/// Issue 14, "must be bounded" — accounts: sign-in is throttled per client address and per account (ASP.NET Core
/// rate limiting), the lockout cannot be used to keep an officer out, and no answer tells whether an e-mail address
/// is registered (sign-in and registration alike).
/// </summary>
public sealed class Issue14_AccountsTests(DvcServerFactory server) : IClassFixture<DvcServerFactory>
{
    private const string Password = "MatKhau@2026";

    [Fact]
    public async Task Sign_in_posts_from_one_address_are_throttled_with_429_and_retry_after()
    {
        using var strict = Strict(perAddress: 3, perAccount: 1000);
        var client = strict.CreateBrowserlessClient();

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++)
        {
            answers.Add(await client.PostAsJsonAsync("/api/v1/session", new { email = $"x{i}@test.local", password = "sai" }));
        }

        Assert.All(answers.Take(3), a => Assert.Equal(HttpStatusCode.Unauthorized, a.StatusCode));
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[3].StatusCode);
        Assert.True(answers[3].Headers.RetryAfter is not null);
        Assert.EndsWith("/too-many-requests", JsonNode.Parse(await answers[3].Content.ReadAsStringAsync())!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Failed_sign_ins_for_one_account_are_throttled_the_same_whether_or_not_it_exists()
    {
        using var strict = Strict(perAddress: 1000, perAccount: 3);
        var existing = $"co-{Guid.NewGuid():N}@test.local";
        await strict.NewCitizenAsync(existing);
        var attacker = strict.CreateBrowserlessClient();

        var onExisting = new List<HttpStatusCode>();
        var onMissing = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            onExisting.Add((await attacker.PostAsJsonAsync("/api/v1/session", new { email = existing, password = "sai-" + i })).StatusCode);
            onMissing.Add((await attacker.PostAsJsonAsync("/api/v1/session", new { email = $"khong-{Guid.NewGuid():N}"[..12] + "@test.local", password = "sai" })).StatusCode);
        }

        var missing = $"khong-co-{Guid.NewGuid():N}@test.local";
        var sameMissing = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            sameMissing.Add((await attacker.PostAsJsonAsync("/api/v1/session", new { email = missing, password = "sai-" + i })).StatusCode);
        }

        HttpStatusCode[] expected = [HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests];
        Assert.Equal(expected, onExisting);
        Assert.Equal(expected, sameMissing);
    }

    [Fact]
    public async Task A_flood_of_wrong_passwords_cannot_keep_an_officer_out_of_the_browser_they_use()
    {
        var email = $"canbo-{Guid.NewGuid():N}@test.local";
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<AccountService>()
                .CreateStaffAsync(email, "Cán bộ Thử", Password, DvcRoles.Officer, "HN-P-BA-DINH", [DvcClaims.AnyTaskRole]);
            Assert.True(created.Succeeded);
        }

        var office = server.CreateBrowserlessClient();
        await DvcServerFactory.SignInAsync(office, email, Password);
        await office.DeleteAsync("/api/v1/session");

        var attacker = server.CreateBrowserlessClient();
        for (var i = 0; i < 30; i++)
        {
            var answer = await attacker.PostAsJsonAsync("/api/v1/session", new { email, password = "doan-" + i });
            Assert.True(answer.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.TooManyRequests);
        }

        var fromOffice = await office.PostAsJsonAsync("/api/v1/session", new { email, password = Password });
        var fromNewBrowser = await server.CreateBrowserlessClient().PostAsJsonAsync("/api/v1/session", new { email, password = Password });

        Assert.Equal(HttpStatusCode.NoContent, fromOffice.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync("/api/v1/tasks")).StatusCode);
        Assert.NotEqual(HttpStatusCode.NoContent, fromNewBrowser.StatusCode);
    }

    [Fact]
    public async Task Wrong_password_locked_account_and_unknown_address_read_the_same()
    {
        var email = $"khoa-{Guid.NewGuid():N}@test.local";
        await server.NewCitizenAsync(email);
        var client = server.CreateBrowserlessClient();

        var wrong = await DetailAsync(await client.PostAsJsonAsync("/api/v1/session", new { email, password = "sai" }));
        for (var i = 0; i < 5; i++)
        {
            await client.PostAsJsonAsync("/api/v1/session", new { email, password = "sai" });
        }

        var locked = await DetailAsync(await client.PostAsJsonAsync("/api/v1/session", new { email, password = Password }));
        var unknown = await DetailAsync(await client.PostAsJsonAsync("/api/v1/session", new { email = $"khong-{Guid.NewGuid():N}@test.local", password = Password }));

        Assert.Equal(wrong, locked);
        Assert.Equal(wrong, unknown);
    }

    [Fact]
    public async Task Registering_a_taken_address_answers_exactly_like_a_new_one_and_changes_nothing()
    {
        var taken = $"da-co-{Guid.NewGuid():N}@test.local";
        await server.NewCitizenAsync(taken);
        var client = server.CreateBrowserlessClient();

        var again = await client.PostAsJsonAsync("/api/v1/accounts", new { email = taken, fullName = "Kẻ Giả Mạo", password = "MatKhauKhac@1" });
        var fresh = await client.PostAsJsonAsync("/api/v1/accounts", new { email = $"moi-{Guid.NewGuid():N}@test.local", fullName = "Người Mới", password = "MatKhauKhac@1" });

        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.Equal(fresh.StatusCode, again.StatusCode);
        Assert.Equal(await fresh.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/v1/session", new { email = taken, password = "MatKhauKhac@1" })).StatusCode);
        await DvcServerFactory.SignInAsync(server.CreateBrowserlessClient(), taken, Password);
    }

    [Fact]
    public async Task The_registration_page_sends_a_taken_and_a_new_address_to_the_same_place()
    {
        var taken = $"da-co-{Guid.NewGuid():N}@test.local";
        await server.NewCitizenAsync(taken);
        var client = server.CreateBrowserlessClient();
        var (_, token) = await PageForms.GetAsync(client, "/account/register");

        var again = await PageForms.PostAsync(client, "/account/register", token, Fields(taken));
        var fresh = await PageForms.PostAsync(client, "/account/register", token, Fields($"moi-{Guid.NewGuid():N}@test.local"));

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(fresh.Headers.Location, again.Headers.Location);
        Assert.False(again.Headers.Contains("Set-Cookie") || fresh.Headers.Contains("Set-Cookie"), "Registering signed someone in.");
        var login = await client.GetStringAsync(again.Headers.Location!.OriginalString);
        Assert.Contains("id=\"registered\"", login, StringComparison.Ordinal);
    }

    private static KeyValuePair<string, string>[] Fields(string email) =>
        [new("fullName", "Nguyễn Văn C"), new("email", email), new("password", "MatKhau@2027"), new("confirm", "MatKhau@2027")];

    private static async Task<string> DetailAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return problem["title"]!.GetValue<string>() + "|" + problem["detail"]!.GetValue<string>();
    }

    /// <summary>The same server with low limits (its own database, so the class's other tests are not throttled).</summary>
    private static DvcServerFactory Strict(int perAddress, int perAccount) => DvcServerFactory.With(
        ("Dvc:Throttling:SignInsPerAddressPerMinute", perAddress.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("Dvc:Throttling:SignInsPerAccountPer15Minutes", perAccount.ToString(System.Globalization.CultureInfo.InvariantCulture)));
}
